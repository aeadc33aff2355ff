import { useState, type ReactNode } from 'react';

interface Props {
  /** The group's accessible name: what to drop here ("Open a CSV file"). */
  label: string;
  /** What was dropped; the browser has been kept from opening it as a page. */
  onDrop(data: DataTransfer): void;
  /** A line above the zone's text, e.g. a link asking for its file again. */
  prompt?: string | undefined;
  className?: string | undefined;
  /** The zone's own text and controls: a drop zone always offers a way in without dragging. */
  children: ReactNode;
}

/**
 * A region that takes dropped files, highlighted while something is dragged over it. Dragging
 * is never the only way in: the children hold a file input or a button that opens one.
 */
export function DropZone({ label, onDrop, prompt, className, children }: Props) {
  const [over, setOver] = useState(false);
  return (
    <div
      role="group"
      aria-label={label}
      className={className ? `csv-drop ${className}` : 'csv-drop'}
      data-over={over || undefined}
      onDragOver={(e) => {
        // Without this the browser refuses the drop (and would open the file instead).
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        onDrop(e.dataTransfer);
      }}
    >
      {prompt && <p className="csv-reopen">{prompt}</p>}
      {children}
    </div>
  );
}
