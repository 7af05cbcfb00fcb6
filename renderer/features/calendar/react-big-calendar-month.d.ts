// The library's month view class (CommonJS, untyped by @types/react-big-calendar); month-view.ts states the part it uses.
declare module 'react-big-calendar/lib/Month' {
  const MonthView: unknown;
  export default MonthView;
}
