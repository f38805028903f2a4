// /hang-doi/:unitCode/dat-lich — book an appointment in a free slot of the unit's calendar.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { bookAppointment, fetchServices, fetchSlots, newIdempotencyKey } from '../api/queue.ts';
import { useLoader } from '../hooks/use-loader.ts';
import { errorMessage } from '../i18n/error-message.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

export function BookingPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('queue.bookTitle'));
  const unitCode = useParams().unitCode ?? '';
  const services = useLoader(`services:${unitCode}`, (signal) => fetchServices(unitCode, signal));
  const [group, setGroup] = useState('HT');
  const [date, setDate] = useState(today);
  const slots = useLoader(`slots:${unitCode}:${group}:${date}`, (signal) => fetchSlots(unitCode, group, date, signal));
  const [slot, setSlot] = useState('');
  const [fullName, setFullName] = useState('');
  const [phone, setPhone] = useState('');
  const [done, setDone] = useState('');
  const [error, setError] = useState<unknown>(null);
  const key = useRef(newIdempotencyKey('booking'));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const booked = await bookAppointment(unitCode, { serviceGroup: group, slotStart: slot, fullName, phone, idempotencyKey: key.current });
      setDone(t('queue.booked', { code: booked.code, when: `${booked.slotStart.slice(11, 16)} ${booked.slotStart.slice(8, 10)}/${booked.slotStart.slice(5, 7)}`, unit: booked.unitName }));
      key.current = newIdempotencyKey('booking');
      slots.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="page narrow">
      <h1>{t('queue.bookTitle')}</h1>
      <p>{services.data?.unitName}</p>
      <p className="lead">{t('queue.bookLead')}</p>
      {done ? <p className="alert" role="status" data-testid="booking-done">{done}</p> : null}
      {error ? <p className="alert alert-error" role="alert">{errorMessage(error, t, i18n.resolvedLanguage ?? 'vi')}</p> : null}
      <form onSubmit={(e) => void submit(e)}>
        <label className="field"><span>{t('queue.groupLabel')}</span>
          <select value={group} onChange={(e) => { setGroup(e.target.value); setSlot(''); }}>
            {(services.data?.items ?? []).map((g) => <option key={g.code} value={g.code}>{g.name}</option>)}
          </select>
        </label>
        <label className="field"><span>{t('queue.date')}</span>
          <input type="date" value={date} min={today()} onChange={(e) => { setDate(e.target.value); setSlot(''); }} required />
        </label>
        <fieldset className="slot-grid">
          {(slots.data?.items ?? []).length === 0 && !slots.loading ? <p className="muted">{t('queue.noSlots')}</p> : null}
          {(slots.data?.items ?? []).map((s) => (
            <label key={s.start} className={slot === s.start ? 'chip is-selected' : 'chip'}>
              <input type="radio" name="slot" value={s.start} disabled={s.available === 0} checked={slot === s.start} onChange={() => setSlot(s.start)} required />
              {s.start.slice(11, 16)} <span className="muted">({t('queue.slotsLeft', { count: s.available })})</span>
            </label>
          ))}
        </fieldset>
        <label className="field"><span>{t('queue.fullName')}</span><input value={fullName} onChange={(e) => setFullName(e.target.value)} required autoComplete="name" /></label>
        <label className="field"><span>{t('queue.phone')}</span><input value={phone} onChange={(e) => setPhone(e.target.value)} required inputMode="tel" autoComplete="tel" /></label>
        <button type="submit" className="button button-primary">{t('queue.bookSubmit')}</button>
      </form>
    </section>
  );
}
