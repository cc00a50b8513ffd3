import * as React from 'react';
import { Badge, Checkbox, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Call16Regular, CalendarLtr16Regular, CheckmarkCircle16Filled, DismissCircle16Filled, Location16Regular, Mail16Regular } from '../icons';
import type { Lang } from '../../../core/model/findings';
import { fromJsDate } from '../../../core/model/dates';
import type { Profile } from '../../../core/profiles/schema';
import type { RecognizedTable } from '../../../core/recognition/recognize-tables';
import type { Strings } from '../../i18n';
import { deadlineStatus, materialStatuses } from '../../checklist';
import type { CellRef } from '../../preview-model';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '14px' },
  section: { display: 'flex', flexDirection: 'column', gap: '6px' },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  programme: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  deadline: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '8px' },
  material: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '6px 8px',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  meta: { display: 'flex', gap: '6px', flexWrap: 'wrap', paddingLeft: '32px', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  nominees: { listStyleType: 'none', margin: '4px 0 0 32px', padding: 0, display: 'flex', flexWrap: 'wrap', gap: '4px 10px' },
  nominee: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '4px',
    fontSize: tokens.fontSizeBase200,
    border: 'none',
    background: 'none',
    padding: '1px 2px',
    cursor: 'pointer',
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
    ':hover': { textDecorationLine: 'underline' },
  },
  trackedLabel: { display: 'flex', gap: '8px', alignItems: 'flex-start', padding: '6px 4px 2px 10px' },
  trackedIcon: { flexShrink: 0, marginTop: '2px' },
  contact: { display: 'flex', alignItems: 'flex-start', gap: '6px', fontSize: tokens.fontSizeBase200 },
  icon: { flexShrink: 0, marginTop: '2px', color: tokens.colorNeutralForeground3 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface ChecklistPanelProps {
  profile?: Profile;
  tables: readonly RecognizedTable[];
  t: Strings;
  lang: Lang;
  /** Go to a nominee's tracking cell. */
  onReveal?(ref: CellRef): void;
  /** Materials ticked by hand, by "profileId:materialId". */
  ticked: Readonly<Record<string, boolean>>;
  onTick(key: string, on: boolean): void;
}

export function ChecklistPanel({ profile, tables, t, lang, onReveal, ticked, onTick }: ChecklistPanelProps) {
  const s = useStyles();
  if (!profile) return <Text className={s.muted}>{t.checklistNeedsProgramme}</Text>;
  const status = deadlineStatus(profile.deadline, fromJsDate(new Date()));
  const materials = materialStatuses(profile, tables);
  const sub = profile.submission;
  const key = (id: string) => `${profile.id}:${id}`;

  return (
    <div className={s.root} data-testid="checklist">
      <section className={s.section}>
        <h3 className={s.heading}>{profile.name[lang]}</h3>
        <Text className={s.programme}>
          {t.organiser}
          {t.colon}
          {profile.organiser[lang]}
          {profile.noticeNo ? ` · ${t.noticeNo}${t.colon}${profile.noticeNo}` : ''}
        </Text>
        <div className={s.deadline}>
          <CalendarLtr16Regular className={s.icon} aria-hidden />
          <Text weight="semibold">
            {t.deadline}
            {t.colon}
          </Text>
          {status.kind === 'none' ? (
            <Text>{t.noDeadline}</Text>
          ) : (
            <>
              <Text>{status.deadline}</Text>
              <Badge
                data-testid="deadline-status"
                appearance="tint"
                color={status.kind === 'past' ? 'danger' : status.kind === 'today' ? 'warning' : status.days <= 7 ? 'warning' : 'success'}
              >
                {status.kind === 'past' ? t.pastDeadline : status.kind === 'today' ? t.dueToday : t.daysLeft(status.days)}
              </Badge>
            </>
          )}
        </div>
      </section>

      {materials.length > 0 && (
        <section className={s.section}>
          <h3 className={s.heading}>{t.materials}</h3>
          <ul className={s.list}>
            {materials.map((m) => {
              const tracked = m.tracked;
              const allReady = tracked ? tracked.nominees.length > 0 && tracked.ready === tracked.nominees.length : undefined;
              return (
                <li key={m.id} className={s.material} data-testid="material">
                  {tracked ? (
                    <div className={s.trackedLabel}>
                      {allReady ? (
                        <CheckmarkCircle16Filled className={s.trackedIcon} style={{ color: tokens.colorPaletteGreenForeground1 }} aria-label={t.ready} />
                      ) : (
                        <DismissCircle16Filled className={s.trackedIcon} style={{ color: tokens.colorPaletteRedForeground1 }} aria-label={t.notReady} />
                      )}
                      <Text>{m.label[lang]}</Text>
                    </div>
                  ) : (
                    <Checkbox
                      checked={ticked[key(m.id)] ?? false}
                      onChange={(_, d) => onTick(key(m.id), d.checked === true)}
                      label={m.label[lang]}
                    />
                  )}
                  <div className={s.meta}>
                    {[
                      m.copies !== undefined ? t.copies(m.copies) : undefined,
                      m.perNominee ? t.perNominee : t.perUnit,
                      tracked ? `${t.trackedFrom(tracked.header)}${t.colon}${t.readyCount(tracked.ready, tracked.nominees.length)}` : t.manualCheck,
                    ]
                      .filter((x): x is string => x !== undefined)
                      .join(' · ')}
                  </div>
                  {tracked && tracked.nominees.length > 0 && (
                    <ul className={s.nominees}>
                      {tracked.nominees.map((n) => (
                        <li key={n.row}>
                          <button
                            type="button"
                            className={s.nominee}
                            onClick={() => onReveal?.({ sheet: tracked.sheet, row: n.row, col: n.col })}
                            aria-label={`${n.nominee}${t.colon}${n.ready ? t.ready : t.notReady}${n.value ? t.paren(n.value) : ''}`}
                            title={n.value || undefined}
                          >
                            {n.ready ? (
                              <CheckmarkCircle16Filled style={{ color: tokens.colorPaletteGreenForeground1 }} aria-hidden />
                            ) : (
                              <DismissCircle16Filled style={{ color: tokens.colorPaletteRedForeground1 }} aria-hidden />
                            )}
                            {n.nominee}
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <section className={s.section}>
        <h3 className={s.heading}>{t.submission}</h3>
        {sub.email && (
          <div className={s.contact}>
            <Mail16Regular className={s.icon} aria-hidden />
            <span>
              {t.submitEmail}
              {t.colon}
              <Link href={`mailto:${sub.email}`}>{sub.email}</Link>
            </span>
          </div>
        )}
        {sub.address && (
          <div className={s.contact}>
            <Location16Regular className={s.icon} aria-hidden />
            <span>
              {t.submitAddress}
              {t.colon}
              {sub.address}
              {sub.postcode ? t.paren(sub.postcode) : ''}
              {sub.recipient ? ` · ${t.recipient}${t.colon}${sub.recipient}` : ''}
            </span>
          </div>
        )}
        {sub.contacts.length > 0 && (
          <div className={s.contact}>
            <Call16Regular className={s.icon} aria-hidden />
            <span>
              {t.contacts}
              {t.colon}
              {sub.contacts.map((c, i) => (
                <React.Fragment key={i}>
                  {i > 0 && (lang === 'zh' ? '；' : '; ')}
                  {c.name} <Link href={`tel:${c.phone}`}>{c.phone}</Link>
                  {c.topic ? t.paren(c.topic) : ''}
                </React.Fragment>
              ))}
            </span>
          </div>
        )}
      </section>
    </div>
  );
}
