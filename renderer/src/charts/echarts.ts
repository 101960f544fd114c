// Only the ECharts parts the line charts use, to keep the bundle small.
import { LineChart } from 'echarts/charts';
import { BrushComponent, DataZoomInsideComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, TooltipComponent, DataZoomInsideComponent, BrushComponent, CanvasRenderer]);

export { echarts };
