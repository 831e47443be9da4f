import { Fragment } from 'react';

/** Groups per line: a 64-digit fingerprint reads as two lines of eight, the same everywhere. */
const PER_LINE = 8;

/** A key fingerprint in groups of four, for reading aloud or comparing in person. Real spaces
 * separate the groups (so a copy reads the same); lines break only between groups. */
export function Fingerprint({ groups, large = false }: { groups: string; large?: boolean }) {
  const all = groups.trim().split(/\s+/);
  const lines: string[][] = [];
  for (let i = 0; i < all.length; i += PER_LINE) lines.push(all.slice(i, i + PER_LINE));
  return (
    <code className={`fingerprint mono${large ? ' large' : ''}`} data-testid="fingerprint">
      {lines.map((line, l) => (
        <Fragment key={l}>
          {l > 0 && ' '}
          <span className="fp-line">{line.join(' ')}</span>
        </Fragment>
      ))}
    </code>
  );
}
