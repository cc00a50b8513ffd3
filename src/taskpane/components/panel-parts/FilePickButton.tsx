/** A button that opens the file chooser of a hidden <input type="file"> (the input carries the test id). */
import * as React from 'react';
import { Button } from '@fluentui/react-components';
import type { ButtonProps } from '@fluentui/react-components';
import { usePanelStyles } from './panel-styles';
import { WORKBOOK_ACCEPT } from '../../file-name';

export function FilePickButton({
  label,
  testId,
  multiple,
  onFiles,
  icon,
  appearance,
  size,
  disabled,
  accept = WORKBOOK_ACCEPT,
}: {
  label: string;
  /** File types offered (default: the workbooks Jiangxuan reads). */
  accept?: string;
  testId: string;
  multiple?: boolean;
  onFiles(files: File[]): void;
  icon?: ButtonProps['icon'];
  appearance?: ButtonProps['appearance'];
  size?: ButtonProps['size'];
  disabled?: boolean;
}) {
  const s = usePanelStyles();
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        className={s.hiddenInput}
        type="file"
        accept={accept}
        multiple={multiple}
        data-testid={testId}
        aria-label={label}
        tabIndex={-1}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          if (files.length) onFiles(files);
        }}
      />
      <Button icon={icon} appearance={appearance} size={size} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
    </>
  );
}
