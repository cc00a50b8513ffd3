/**
 * 申报表: Word forms e-mailed by nominees read into a checked workbook, the open workbook's forms printed in the
 * notice's layout, and the e-mail package the notice asks for. The CLI's own code, through the pane's WorkbookTools.
 */
import type { Lang } from '../../../core/model/findings';
import type { Profile } from '../../../core/profiles/schema';
import type { Strings } from '../../i18n';
import { formStrings } from '../../forms-i18n';
import type { WorkbookHost } from '../../hosts/workbook-host';
import { useForms } from '../../hooks/useForms';
import { usePanelStyles } from '../panel-parts/panel-styles';
import { ReadFormsCard } from './ReadFormsCard';
import { SubmissionCards } from './SubmissionCards';

export interface FormsPanelProps {
  host?: WorkbookHost;
  office: boolean;
  /** The open workbook's programme (as 校验 shows it). */
  profile?: Profile;
  /** The user chose it (Word forms are then read for it; else their titles say which programme they are). */
  chosen: boolean;
  t: Strings;
  lang: Lang;
  /** Standalone page: open a workbook made from the forms in 校验. */
  onOpenInCheck?: (bytes: Uint8Array, name: string) => void;
}

export function FormsPanel({ host, office, profile, chosen, t, lang, onOpenInCheck }: FormsPanelProps) {
  const s = usePanelStyles();
  const f = formStrings(lang);
  const model = useForms({ host, office, profile, readProfile: chosen ? profile : undefined, f, lang });
  return (
    <div className={s.root} data-testid="forms" data-busy={model.reading || model.printing || model.packing ? 'true' : 'false'}>
      <ReadFormsCard model={model} f={f} t={t} lang={lang} onOpenInCheck={office ? undefined : onOpenInCheck} />
      <SubmissionCards model={model} f={f} lang={lang} profile={profile} hasWorkbook={!!host} />
    </div>
  );
}
