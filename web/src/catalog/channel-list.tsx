// Time limit and fee per channel (in person, online, by post); the published text is shown when the
// time limit could not be normalised.
import { useTranslation } from 'react-i18next';
import type { ChannelTerms } from '../api/procedures.ts';
import { durationText, feeText } from './format.ts';

export function ChannelList({ channels, testId }: { channels: ChannelTerms[]; testId?: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  return (
    <ul className="channel-list" data-testid={testId}>
      {channels.map((channel, index) => (
        <li key={`${channel.channel}-${index}`} className="channel card" data-channel={channel.channel}>
          <h3>{t(`catalog.channel.${channel.channel}`)}</h3>
          <dl>
            <dt>{t('catalog.channelTime')}</dt>
            <dd>
              <span className={channel.duration.unit === 'unparsed' ? 'catalog-unparsed' : undefined}>{durationText(channel.duration, t)}</span>
              {channel.duration.unit === 'unparsed' && channel.durationText ? (
                <span className="channel-published">{t('catalog.published', { text: channel.durationText })}</span>
              ) : null}
            </dd>
            <dt>{t('catalog.channelFee')}</dt>
            <dd>{feeText(channel.fee, channel.feeText, t, language)}</dd>
          </dl>
          {channel.note ? <p className="muted channel-note">{channel.note}</p> : null}
        </li>
      ))}
    </ul>
  );
}
