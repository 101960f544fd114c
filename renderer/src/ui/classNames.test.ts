import { expect, it } from 'vitest';
import { classNames } from './classNames';

it('joins the class names that are set', () => {
  expect(classNames('icon-btn', undefined, false && 'active', null, 'toolbar-btn')).toBe('icon-btn toolbar-btn');
  expect(classNames('sidebar-item', true && 'active')).toBe('sidebar-item active');
});
