// The province this deployment serves (GSO code). Bình Dương is the first user; the data model keeps
// the code on every large table so that several provinces can share one database later.
export const PROVINCE_CODE = '74';
