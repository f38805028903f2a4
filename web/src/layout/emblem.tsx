// A neutral mark for the product (not a state emblem), drawn inline so the app needs no network.
export function Emblem() {
  return (
    <svg className="emblem" viewBox="0 0 32 32" width="40" height="40" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#a51d24" />
      <path d="M16 5l3.1 6.6 7.2.9-5.3 5 1.4 7.1L16 21.1l-6.4 3.5 1.4-7.1-5.3-5 7.2-.9z" fill="#f6c343" />
    </svg>
  );
}
