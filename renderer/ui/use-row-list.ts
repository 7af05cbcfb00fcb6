import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { isTyping } from './is-typing';

export interface RowListActions {
  /** Enter: open the row under the cursor. */
  onOpen(id: string): void;
  /** L or Ctrl+Enter: log the contact and refile the row under the cursor. */
  onRefile(id: string): void;
  /** M: move the selection (or the cursor row when nothing is selected). */
  onMove(ids: string[]): void;
}

export interface RowList {
  cursor: string | null;
  selected: ReadonlySet<string>;
  /** What an action applies to: the selection, else the cursor row. */
  targets(): string[];
  clearSelection(): void;
  /** Click on a row's checkbox or the row with Ctrl/Shift: toggle or extend the selection. */
  onRowClick(id: string, e: MouseEvent): void;
  onRowFocus(id: string): void;
  onKeyDown(e: KeyboardEvent): void;
  /** Registers a row element, so the cursor can move the keyboard focus with it. */
  rowRef(id: string): (el: HTMLElement | null) => void;
  /** Puts the keyboard focus back on the cursor row (after a dialog closes). */
  focusCursor(): void;
}


/**
 * The keyboard model of a folder's dossier list, shared by Today and the Binder: a cursor
 * (arrows or J/K, focus follows it), a multi-selection (Space, Shift+arrows, Ctrl+A,
 * click, Shift-click for a range, Esc clears) and the row actions (Enter, L, M).
 * The selection survives live re-reads and drops ids that left the list (moved, refiled).
 */
export function useRowList(ids: string[], actions: RowListActions): RowList {
  const [cursor, setCursor] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const anchor = useRef<string | null>(null);
  const elements = useRef(new Map<string, HTMLElement>());
  const wantFocus = useRef(false);
  const lastIndex = useRef(0);
  const [focusTick, setFocusTick] = useState(0);

  const idSet = useMemo(() => new Set(ids), [ids]);

  // Rows leave the list when refiled or moved: keep the cursor at the same position, so
  // the next dossier is ready ("call, log, refile, next"), and forget selections of rows gone.
  useEffect(() => {
    setSelected((s) => {
      const kept = [...s].filter((id) => idSet.has(id));
      return kept.length === s.size ? s : new Set(kept);
    });
    if (cursor !== null && !idSet.has(cursor)) {
      const next = ids[Math.min(lastIndex.current, ids.length - 1)] ?? null;
      // Take the focus only if nobody else has it (the removed row had it, or a dialog closed).
      const active = document.activeElement;
      const idle = !active || active === document.body || !active.isConnected || [...elements.current.values()].includes(active as HTMLElement);
      setCursor(next);
      if (idle) wantFocus.current = true;
    }
  }, [idSet, ids, cursor]);

  useEffect(() => {
    const at = cursor === null ? -1 : ids.indexOf(cursor);
    // A cursor row that just left the list is replaced by the effect above; wait for it.
    if (at < 0) return;
    lastIndex.current = at;
    const el = elements.current.get(cursor!);
    if (wantFocus.current && el) {
      wantFocus.current = false;
      el.focus();
    }
  }, [cursor, ids, focusTick]);

  const moveCursor = useCallback(
    (delta: number, extend: boolean) => {
      if (ids.length === 0) return;
      const from = cursor === null ? -1 : ids.indexOf(cursor);
      const to = Math.max(0, Math.min(ids.length - 1, from < 0 ? 0 : from + delta));
      const id = ids[to]!;
      if (extend) {
        setSelected((s) => {
          const n = new Set(s);
          if (cursor !== null) n.add(cursor);
          n.add(id);
          return n;
        });
      }
      wantFocus.current = true;
      setCursor(id);
      anchor.current = id;
    },
    [cursor, ids],
  );

  const toggle = useCallback((id: string) => {
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
    anchor.current = id;
  }, []);

  const targets = useCallback(() => {
    if (selected.size > 0) return ids.filter((id) => selected.has(id));
    return cursor !== null && idSet.has(cursor) ? [cursor] : [];
  }, [selected, ids, cursor, idSet]);

  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.altKey) return;
      const key = e.key;
      const lower = key.toLowerCase();
      const ctrl = e.ctrlKey || e.metaKey;
      let handled = true;
      if (key === 'ArrowDown' || (!ctrl && (lower === 'j' || lower === 'о'))) moveCursor(1, e.shiftKey);
      else if (key === 'ArrowUp' || (!ctrl && (lower === 'k' || lower === 'л'))) moveCursor(-1, e.shiftKey);
      else if (key === 'Home') moveCursor(-ids.length, false);
      else if (key === 'End') moveCursor(ids.length, false);
      else if (key === ' ' && cursor) toggle(cursor);
      else if (ctrl && (lower === 'a' || lower === 'ф')) setSelected(new Set(ids));
      else if (key === 'Escape' && selected.size > 0) setSelected(new Set());
      else if (key === 'Enter' && ctrl && cursor) actions.onRefile(cursor);
      else if (key === 'Enter' && cursor && !ctrl) actions.onOpen(cursor);
      else if (!ctrl && (lower === 'l' || lower === 'д') && cursor) actions.onRefile(cursor);
      else if (!ctrl && (lower === 'm' || lower === 'ь')) {
        const t = targets();
        if (t.length > 0) actions.onMove(t);
      } else handled = false;
      if (handled) {
        e.preventDefault();
        e.stopPropagation();
      }
    },
    [moveCursor, ids, cursor, toggle, selected.size, actions, targets],
  );

  const onRowClick = useCallback(
    (id: string, e: MouseEvent) => {
      setCursor(id);
      if (e.shiftKey && anchor.current && idSet.has(anchor.current)) {
        const a = ids.indexOf(anchor.current);
        const b = ids.indexOf(id);
        const range = ids.slice(Math.min(a, b), Math.max(a, b) + 1);
        setSelected((s) => new Set([...s, ...range]));
      } else toggle(id);
    },
    [ids, idSet, toggle],
  );

  const rowRef = useCallback(
    (id: string) => (el: HTMLElement | null) => {
      if (el) elements.current.set(id, el);
      else elements.current.delete(id);
    },
    [],
  );

  return {
    cursor,
    selected,
    targets,
    clearSelection: () => setSelected(new Set()),
    onRowClick,
    onRowFocus: setCursor,
    onKeyDown,
    rowRef,
    focusCursor: () => {
      wantFocus.current = true;
      setFocusTick((n) => n + 1);
    },
  };
}
