// One value in this tab's sessionStorage, given to Python (components/tab_storage.py).
// data: {name, known, write, create}. `write` (a string, "" to forget) is stored first; with
// `create` (a number of random bytes) and nothing stored, a random hex value is made here, in the
// tab. The stored value ("" for none) is sent back only when Python does not know it yet, so the
// page reruns once, not in a loop. sessionStorage only: never a cookie, localStorage or the URL.
export default function (component) {
  const { data, setStateValue } = component;
  const key = 'healthy-bonds:' + data.name;
  let stored = null;
  try {
    if (typeof data.write === 'string') {
      if (data.write === '') { sessionStorage.removeItem(key); } else { sessionStorage.setItem(key, data.write); }
    }
    stored = sessionStorage.getItem(key);
    if (stored === null && data.create > 0) {
      const bytes = new Uint8Array(data.create);
      crypto.getRandomValues(bytes);
      stored = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
      sessionStorage.setItem(key, stored);
    }
  } catch (e) {
    stored = null; // storage blocked (private mode settings): the tab keeps nothing
  }
  const value = stored === null ? '' : stored;
  if (value !== data.known) { setStateValue('value', value); }
  return undefined;
}
