/** A workbook dropped anywhere on the page is opened; while one is dragged over it, the page shows a hint. */
import * as React from 'react';

export interface FileDrop {
  dragging: boolean;
  /** Handlers for the page's root element. */
  dropProps: Pick<React.HTMLAttributes<HTMLElement>, 'onDragOver' | 'onDragLeave' | 'onDrop'>;
}

export function useFileDrop(onFiles: (files: FileList) => void): FileDrop {
  const [dragging, setDragging] = React.useState(false);
  return {
    dragging,
    dropProps: {
      onDragOver: (e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      },
      onDragLeave: () => setDragging(false),
      onDrop: (e) => {
        e.preventDefault();
        setDragging(false);
        onFiles(e.dataTransfer.files);
      },
    },
  };
}
