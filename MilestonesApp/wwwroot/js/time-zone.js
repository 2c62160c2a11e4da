// The browser's IANA time zone ("Europe/Berlin"), so the server knows which day it is for this person.
export function timeZone() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
}
