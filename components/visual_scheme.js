export default function (component) {
  const { data, setTriggerValue } = component;
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const switched = () => {
    const now = media.matches ? 'dark' : 'light';
    if (now === data.drawn || window.hbChartScheme === now) { return; }
    window.hbChartScheme = now;
    setTimeout(() => setTriggerValue('switched', now), 300);
  };
  media.addEventListener('change', switched);
  return () => media.removeEventListener('change', switched);
}
