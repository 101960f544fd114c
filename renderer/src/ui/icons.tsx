/** Small inline SVG icons (currentColor), no icon font. */

export function PinIcon() {
  return (
    <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
      <path d="M10 1.5 14.5 6l-1.4 1.4-1-.6-2.6 2.6.4 3-1.4 1.4-2.6-2.6L2 15l-1-1 3.8-3.9-2.6-2.6L3.6 6l3 .4L9.2 3.8l-.6-1z" fill="currentColor" />
    </svg>
  );
}

export function EyeIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d="M8 3C4.4 3 1.7 5.4.6 8c1.1 2.6 3.8 5 7.4 5s6.3-2.4 7.4-5C14.3 5.4 11.6 3 8 3zm0 8.2A3.2 3.2 0 1 1 8 4.8a3.2 3.2 0 0 1 0 6.4zM8 6.4a1.6 1.6 0 1 0 0 3.2 1.6 1.6 0 0 0 0-3.2z" fill="currentColor" />
    </svg>
  );
}

export function EyeOffIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d="M2.3 1.3 1.2 2.4l2.1 2.1C2.1 5.4 1.2 6.6.6 8c1.1 2.6 3.8 5 7.4 5 1.3 0 2.5-.3 3.5-.8l2.2 2.2 1.1-1.1zM8 11.2A3.2 3.2 0 0 1 4.8 8c0-.6.2-1.1.4-1.6l1.2 1.2V8A1.6 1.6 0 0 0 8 9.6h.4l1.2 1.2c-.5.3-1 .4-1.6.4zM8 3c-1 0-1.9.2-2.7.5l1.3 1.3c.4-.1.9-.2 1.4-.2A3.2 3.2 0 0 1 11.2 8c0 .5-.1 1-.3 1.4l1.9 1.9c1.1-.9 2-2 2.6-3.3C14.3 5.4 11.6 3 8 3z" fill="currentColor" />
    </svg>
  );
}

export function ChevronIcon({ open }: { open: boolean }) {
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" style={{ transform: open ? 'rotate(90deg)' : undefined, transition: 'transform 120ms' }}>
      <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function WarnIcon() {
  return (
    <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
      <path d="M8 1.5 15 14H1zM7.2 6v4.2h1.6V6zm0 5.4V13h1.6v-1.6z" fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}

export function SunIcon() {
  return (
    <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true">
      <circle cx="8" cy="8" r="3.2" fill="currentColor" />
      <path d="M8 .8v2M8 13.2v2M.8 8h2M13.2 8h2M2.9 2.9l1.4 1.4M11.7 11.7l1.4 1.4M2.9 13.1l1.4-1.4M11.7 4.3l1.4-1.4" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
    </svg>
  );
}

export function MoonIcon() {
  return (
    <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true">
      <path d="M13.8 10.4A6 6 0 0 1 5.6 2.2 6 6 0 1 0 13.8 10.4z" fill="currentColor" />
    </svg>
  );
}

export function FolderIcon() {
  return (
    <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true">
      <path d="M1.5 3.5A1 1 0 0 1 2.5 2.5h3.6l1.5 1.6h5.9a1 1 0 0 1 1 1v7.4a1 1 0 0 1-1 1H2.5a1 1 0 0 1-1-1z" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
    </svg>
  );
}

export function PlusIcon() {
  return (
    <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
      <path d="M8 2.5v11M2.5 8h11" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

export function ImportIcon() {
  return (
    <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
      <path d="M8 1.8v8.4M4.6 7 8 10.3 11.4 7M2.5 11.5v2h11v-2" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function ExternalIcon() {
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
      <path d="M9.5 2.5h4v4M13.3 2.7 7.5 8.5M12 9.5v3.3a.7.7 0 0 1-.7.7H3.2a.7.7 0 0 1-.7-.7V4.7a.7.7 0 0 1 .7-.7h3.3" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function RefreshIcon() {
  return (
    <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
      <path d="M13.2 6.2A5.4 5.4 0 1 0 13.4 10M13.5 2.5v3.8H9.7" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function SidebarIcon({ collapsed }: { collapsed: boolean }) {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.3" />
      <path d="M6 2.5v11" stroke="currentColor" strokeWidth="1.3" />
      <path d={collapsed ? 'M9 6l2 2-2 2' : 'M11 6 9 8l2 2'} fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
