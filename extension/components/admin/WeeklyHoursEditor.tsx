import { WEEKDAYS, type OpenInterval, type Weekday, type WeeklyHours } from '@vfc/shared';
import { i18n } from '#i18n';
import { issueAt, type IssuesByPath } from '../../lib/partial-update';

/** Weekday names for labels (locale messages, read when shown), Monday first like `WEEKDAYS`. */
export const DAY_NAMES: Record<Weekday, () => string> = {
  mon: () => i18n.t('admin.week.mon'),
  tue: () => i18n.t('admin.week.tue'),
  wed: () => i18n.t('admin.week.wed'),
  thu: () => i18n.t('admin.week.thu'),
  fri: () => i18n.t('admin.week.fri'),
  sat: () => i18n.t('admin.week.sat'),
  sun: () => i18n.t('admin.week.sun'),
};

/** `[{08:00–12:00}, {14:00–18:00}]` → `08:00–12:00, 14:00–18:00`; `[]` → `Closed`. */
export function describeDay(intervals: readonly OpenInterval[]): string {
  return intervals.length ? intervals.map((i) => `${i.start}–${i.end}`).join(', ') : i18n.t('admin.week.closed');
}

/**
 * Editor of `weeklyHours` (clinic-local `HH:mm`): several intervals per day, each with labelled start/end time inputs
 * and a Remove button; "Add hours" per day. `issues` are the form's issues by path (`weeklyHours.mon.0.start` …).
 */
export function WeeklyHoursEditor(props: { value: WeeklyHours; onChange: (value: WeeklyHours) => void; issues: IssuesByPath; disabled?: boolean }) {
  const { value } = props;
  const setDay = (day: Weekday, intervals: OpenInterval[]) => props.onChange({ ...value, [day]: intervals });

  return (
    <fieldset className="vfc-weekly" disabled={props.disabled}>
      <legend>{i18n.t('admin.week.legend')}</legend>
      {WEEKDAYS.map((day) => {
        const intervals = value[day];
        const dayError = issueAt(props.issues, `weeklyHours.${day}`, true);
        return (
          <div key={day} className="vfc-day" data-day={day} role="group" aria-label={DAY_NAMES[day]()}>
            <span className="vfc-day-name">{DAY_NAMES[day]()}</span>
            {intervals.length === 0 && <span className="vfc-muted">{i18n.t('admin.week.closed')}</span>}
            {intervals.map((interval, index) => {
              const base = `vfc-hours-${day}-${index}`;
              const label = i18n.t('admin.week.hoursN', [DAY_NAMES[day](), String(index + 1)]);
              const setField = (field: 'start' | 'end', v: string) =>
                setDay(day, intervals.map((it, i) => (i === index ? { ...it, [field]: v } : it)));
              return (
                <span key={index} className="vfc-interval">
                  <label htmlFor={`${base}-start`} className="vfc-visually-hidden">{i18n.t('admin.week.from', [label])}</label>
                  <input
                    id={`${base}-start`}
                    type="text"
                    inputMode="numeric"
                    placeholder="HH:mm"
                    size={5}
                    value={interval.start}
                    aria-invalid={issueAt(props.issues, `weeklyHours.${day}.${index}.start`) ? true : undefined}
                    onChange={(e) => setField('start', e.target.value)}
                  />
                  <span aria-hidden="true">–</span>
                  <label htmlFor={`${base}-end`} className="vfc-visually-hidden">{i18n.t('admin.week.to', [label])}</label>
                  <input
                    id={`${base}-end`}
                    type="text"
                    inputMode="numeric"
                    placeholder="HH:mm"
                    size={5}
                    value={interval.end}
                    title={i18n.t('admin.week.endHint')}
                    aria-invalid={issueAt(props.issues, `weeklyHours.${day}.${index}.end`) ? true : undefined}
                    onChange={(e) => setField('end', e.target.value)}
                  />
                  <button type="button" className="vfc-secondary" aria-label={i18n.t('admin.week.removeLabel', [label])} onClick={() => setDay(day, intervals.filter((_, i) => i !== index))}>
                    {i18n.t('admin.week.remove')}
                  </button>
                </span>
              );
            })}
            <button
              type="button"
              className="vfc-secondary"
              aria-label={i18n.t('admin.week.addHoursOn', [DAY_NAMES[day]()])}
              onClick={() => setDay(day, [...intervals, intervals.length ? { start: '14:00', end: '18:00' } : { start: '08:00', end: '18:00' }])}
            >
              {i18n.t('admin.week.addHours')}
            </button>
            {dayError && (
              <p className="vfc-error" data-testid={`hours-error-${day}`}>
                {i18n.t('admin.week.dayError', [DAY_NAMES[day](), dayError])}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
