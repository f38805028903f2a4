// Required documents as a table (name, originals, certified copies / copies, photocopies, form); on a phone
// each row becomes a small card, the column name written before each value.
import { useTranslation } from 'react-i18next';
import type { RequiredDocument } from '../api/procedures.ts';
import { copiesText, countText, documentName, isDocumentHeading } from './format.ts';

export function DocumentTable({ documents, caption, testId }: { documents: RequiredDocument[]; caption: string; testId?: string }) {
  const { t } = useTranslation();
  const hasTemplate = documents.some((d) => d.template);
  const columns = hasTemplate ? 5 : 4;
  return (
    <table className="doc-table" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('catalog.docName')}</th>
          <th scope="col">{t('catalog.docOriginals')}</th>
          <th scope="col">{t('catalog.docCopies')}</th>
          <th scope="col">{t('catalog.docPhotocopies')}</th>
          {hasTemplate ? <th scope="col">{t('catalog.docTemplate')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {documents.map((doc, index) =>
          isDocumentHeading(doc) ? (
            <tr key={index} className="doc-heading">
              <th scope="rowgroup" colSpan={columns}>{documentName(doc.name)}</th>
            </tr>
          ) : (
            <tr key={index}>
              <td className="doc-name">{documentName(doc.name)}</td>
              <td className="doc-count" data-label={t('catalog.docOriginals')}>{countText(doc.originals, t)}</td>
              <td className="doc-count" data-label={t('catalog.docCopies')}>{copiesText(doc, t)}</td>
              <td className="doc-count" data-label={t('catalog.docPhotocopies')}>{countText(doc.photocopies, t)}</td>
              {hasTemplate ? (
                <td className="doc-count" data-label={t('catalog.docTemplate')}>{doc.template ?? t('catalog.none')}</td>
              ) : null}
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
