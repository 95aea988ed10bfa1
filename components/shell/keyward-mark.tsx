export function KeywardMark({ size = 24 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="var(--accent)" />
      <path d="M12 9a6 6 0 1 0 4.9 9.5H21v3h3v-3h2v-3h-9.1A6 6 0 0 0 12 9Zm0 3.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5Z" fill="var(--accent-fg)" />
    </svg>
  );
}
