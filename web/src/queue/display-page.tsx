// /hang-doi/:unitCode/man-hinh — the TV screen: the latest numbers called and their counters, live from
// the server-sent events; each call chimes and is spoken ("Mời số A-023 đến Quầy 5").
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { fetchDisplay, subscribeQueue, type DisplaySnapshot } from '../api/queue.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import { announce, enableSound } from './announce.ts';
import '../styles/queue.css';

export function DisplayPage() {
  const { t } = useTranslation();
  const unitCode = useParams().unitCode ?? '';
  const [snapshot, setSnapshot] = useState<DisplaySnapshot | null>(null);
  const [live, setLive] = useState(false);
  const [sound, setSound] = useState(false);
  const [spoken, setSpoken] = useState('');
  useDocumentTitle(t('queue.display'));

  const refresh = useCallback(() => {
    fetchDisplay(unitCode).then(setSnapshot, () => undefined);
  }, [unitCode]);

  useEffect(() => {
    refresh();
    const close = subscribeQueue(unitCode, (event) => {
      refresh();
      if ((event.type === 'called' || event.type === 'recalled') && event.counterName) {
        const text = t('queue.announcement', { number: event.number, counter: event.counterName });
        setSpoken(text);
        announce(text);
      }
    }, () => {
      setLive(true);
      refresh(); // catch up on what happened while connecting
    });
    // A slow safety net if the live feed is cut: refresh every 30 s.
    const timer = window.setInterval(refresh, 30_000);
    return () => {
      close();
      window.clearInterval(timer);
    };
  }, [unitCode, refresh, t]);

  const [latest, ...others] = snapshot?.called ?? [];
  return (
    <div className="display" data-testid="display" data-live={live ? 'true' : 'false'}>
      <header className="display-header">
        <h1>{snapshot?.unitName ?? unitCode}</h1>
        <button type="button" className="display-sound" onClick={() => setSound(enableSound())} aria-pressed={sound}>
          {sound ? t('queue.soundOn') : t('queue.enableSound')}
        </button>
      </header>
      <main className="display-main">
        <section className="display-latest" aria-live="assertive">
          <h2>{t('queue.displayCalled')}</h2>
          {latest ? (
            <p data-testid="display-latest">
              <span className="display-number">{latest.number}</span>
              <span className="display-arrow" aria-hidden="true">→</span>
              <span className="display-counter">{latest.counterName}</span>
            </p>
          ) : <p className="muted">{t('queue.noCalls')}</p>}
          <p className="sr-only" data-testid="display-spoken">{spoken}</p>
        </section>
        <table className="display-table">
          <thead><tr><th>{t('queue.displayNumber')}</th><th>{t('queue.displayCounter')}</th></tr></thead>
          <tbody>
            {others.map((c) => <tr key={c.ticketId}><td>{c.number}</td><td>{c.counterName}</td></tr>)}
          </tbody>
        </table>
      </main>
      <footer className="display-footer">
        {(snapshot?.waiting ?? []).map((g) => (
          <span key={g.code} className="display-waiting">{g.name}: <strong>{g.waiting}</strong> {t('queue.displayWaiting').toLowerCase()}</span>
        ))}
      </footer>
    </div>
  );
}
