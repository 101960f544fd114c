import type { RunInfo } from '../../../shared/domain';
import { useAppStore } from '../store/appStore';
import { IconButton } from '../ui/IconButton';
import { EyeIcon, EyeOffIcon } from '../ui/icons';
import { formatLocalTime } from './formatTime';
import { IssueList, RunIssuesButton, useToggle } from './RunIssues';
import type { RunRowText } from './runRowText';
import { StatusBadge } from './StatusBadge';

interface Props {
  info: RunInfo;
  color: string;
  visible: boolean;
  selected: boolean;
  text: RunRowText;
}

/** One run: color, visibility, status, name, created time and any reading problems. */
export function RunRow({ info, color, visible, selected, text }: Props) {
  const toggleVisible = useAppStore((s) => s.toggleRunVisible);
  const selectRun = useAppStore((s) => s.selectRun);
  const [issuesOpen, toggleIssues] = useToggle();
  const created = formatLocalTime(info.createdAt);
  return (
    <li
      className={`run-row${selected ? ' selected' : ''}${visible ? '' : ' run-hidden'}`}
      data-testid="run-row"
      data-run-name={info.name}
      data-run-id={info.id}
      data-visible={visible}
    >
      <div className="run-main">
        <IconButton
          className="run-eye"
          data-testid="run-visibility"
          aria-pressed={visible}
          label={visible ? text.hide : text.show}
          onClick={() => toggleVisible(info.id)}
        >
          {visible ? <EyeIcon /> : <EyeOffIcon />}
        </IconButton>
        <span className="run-swatch" style={{ background: color }} />
        <button type="button" className="run-open" title={text.openDetails} onClick={() => selectRun(selected ? null : info.id)}>
          <span className="run-name">{info.name}</span>
          <span className="run-time" title={info.createdAt ?? undefined}>{created ?? text.unknownTime}</span>
        </button>
        {info.issues.length > 0 && <RunIssuesButton issues={info.issues} open={issuesOpen} onToggle={toggleIssues} />}
        <StatusBadge info={info} label={text.status[info.status]} evidence={text.evidence} />
      </div>
      {issuesOpen && <IssueList issues={info.issues} />}
    </li>
  );
}
