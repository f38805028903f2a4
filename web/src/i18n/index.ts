// i18next setup: Vietnamese first, English on request; the choice is kept in localStorage and
// mirrored to <html lang> so screen readers pronounce the page correctly.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { dossierEn } from './dossier.en.ts';
import type { DossierMessages } from './dossier.vi.ts';
import { dossierVi } from './dossier.vi.ts';
import { workflowEn } from './workflow.en.ts';
import { workflowVi, type WorkflowMessages } from './workflow.vi.ts';
import { workflowAdminEn } from './workflow-admin.en.ts';
import { workflowAdminVi, type WorkflowAdminMessages } from './workflow-admin.vi.ts';
import { staffImportEn } from './staff-import.en.ts';
import { staffImportVi, type StaffImportMessages } from './staff-import.vi.ts';
import { catalogEn } from './catalog.en.ts';
import { filesEn } from './files.en.ts';
import { filesVi, type FilesMessages } from './files.vi.ts';
import { catalogVi, type CatalogMessages } from './catalog.vi.ts';
import { dashboardEn } from './dashboard.en.ts';
import { dashboardVi, type DashboardMessages } from './dashboard.vi.ts';
import { serviceIndexEn } from './service-index.en.ts';
import { serviceIndexVi, type ServiceIndexMessages } from './service-index.vi.ts';
import { queueEn } from './queue.en.ts';
import { queueVi, type QueueMessages } from './queue.vi.ts';
import { catalogAdminEn } from './catalog-admin.en.ts';
import { catalogAdminVi, type CatalogAdminMessages } from './catalog-admin.vi.ts';
import { counterEn } from './counter.en.ts';
import { counterVi, type CounterMessages } from './counter.vi.ts';
import { restructureEn } from './restructure.en.ts';
import { restructureVi, type RestructureMessages } from './restructure.vi.ts';
import { portalEn } from './portal.en.ts';
import { portalVi, type PortalMessages } from './portal.vi.ts';
import { feedbackEn } from './feedback.en.ts';
import { feedbackVi, type FeedbackMessages } from './feedback.vi.ts';
import { staffEn } from './staff.en.ts';
import { staffVi, type StaffMessages } from './staff.vi.ts';
import { placesEn } from './places.en.ts';
import { placesVi, type PlacesMessages } from './places.vi.ts';
import { en } from './en.ts';
import { notifyEn } from './notify.en.ts';
import { notifyVi, type NotifyMessages } from './notify.vi.ts';
import { vi, type Messages } from './vi.ts';

// One line per namespace, so features add theirs without touching the others'.
const NAMESPACES_VI = {
  portal: portalVi,
  staff: staffVi,
  places: placesVi,
  notify: notifyVi,
  feedback: feedbackVi,
  dossier: dossierVi,
  catalog: catalogVi,
  counter: counterVi,
  catalogAdmin: catalogAdminVi,
  restructure: restructureVi,
  queue: queueVi,
  files: filesVi,
  dashboard: dashboardVi,
  serviceIndex: serviceIndexVi,
  workflow: workflowVi,
  workflowAdmin: workflowAdminVi,
  staffImport: staffImportVi,
};
const NAMESPACES_EN: { [K in keyof Namespaces]: Namespaces[K] } = {
  portal: portalEn,
  staff: staffEn,
  places: placesEn,
  notify: notifyEn,
  feedback: feedbackEn,
  dossier: dossierEn,
  catalog: catalogEn,
  counter: counterEn,
  catalogAdmin: catalogAdminEn,
  restructure: restructureEn,
  queue: queueEn,
  files: filesEn,
  dashboard: dashboardEn,
  serviceIndex: serviceIndexEn,
  workflow: workflowEn,
  workflowAdmin: workflowAdminEn,
  staffImport: staffImportEn,
};
type Namespaces = {
  portal: PortalMessages;
  staff: StaffMessages;
  places: PlacesMessages;
  notify: NotifyMessages;
  feedback: FeedbackMessages;
  dossier: DossierMessages;
  catalog: CatalogMessages;
  counter: CounterMessages;
  catalogAdmin: CatalogAdminMessages;
  restructure: RestructureMessages;
  queue: QueueMessages;
  files: FilesMessages;
  dashboard: DashboardMessages;
  serviceIndex: ServiceIndexMessages;
  workflow: WorkflowMessages;
  workflowAdmin: WorkflowAdminMessages;
  staffImport: StaffImportMessages;
};

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';
const STORAGE_KEY = 'motcua.lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages & Namespaces };
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE; // storage disabled (private mode, policies)
  }
}

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisted; the switch still works for this visit.
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18next.resolvedLanguage) ? i18next.resolvedLanguage : DEFAULT_LANGUAGE;
}

export function setLanguage(language: Language): Promise<unknown> {
  return i18next.changeLanguage(language);
}

i18next.on('languageChanged', applyLanguage);

void i18next.use(initReactI18next).init({
  resources: { vi: { translation: { ...vi, ...NAMESPACES_VI } }, en: { translation: { ...en, ...NAMESPACES_EN } } },
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

applyLanguage(currentLanguage());

export default i18next;
