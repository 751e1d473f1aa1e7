import type { MenuItemConstructorOptions } from 'electron';

export interface MenuInput {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** app.getLocale(): menus follow the system language, English or else Swedish. */
  locale: string;
  onLock: () => void;
}

const LABELS = {
  sv: {
    file: 'Arkiv',
    lock: 'Lås',
    quit: 'Avsluta',
    edit: 'Redigera',
    undo: 'Ångra',
    redo: 'Gör om',
    cut: 'Klipp ut',
    copy: 'Kopiera',
    paste: 'Klistra in',
    selectAll: 'Markera allt',
    view: 'Visa',
    resetZoom: 'Normal storlek',
    zoomIn: 'Zooma in',
    zoomOut: 'Zooma ut',
    fullscreen: 'Helskärm',
    reload: 'Läs in igen',
    devTools: 'Utvecklarverktyg',
    window: 'Fönster',
    minimize: 'Minimera',
    close: 'Stäng',
  },
  en: {
    file: 'File',
    lock: 'Lock',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullscreen: 'Full Screen',
    reload: 'Reload',
    devTools: 'Developer Tools',
    window: 'Window',
    minimize: 'Minimize',
    close: 'Close',
  },
} as const;

/**
 * The application menu. Lock lives here (CmdOrCtrl+L) so it works whatever the page is doing;
 * installed builds get no Reload (it would throw away a half-typed note) and no DevTools.
 */
export function menuTemplate({ isPackaged, platform, locale, onLock }: MenuInput): MenuItemConstructorOptions[] {
  const t = locale.toLowerCase().startsWith('en') ? LABELS.en : LABELS.sv;
  const mac = platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: t.resetZoom },
    { role: 'zoomIn', label: t.zoomIn },
    { role: 'zoomOut', label: t.zoomOut },
    { type: 'separator' },
    { role: 'togglefullscreen', label: t.fullscreen },
  ];
  if (!isPackaged) {
    view.push({ type: 'separator' }, { role: 'reload', label: t.reload }, { role: 'toggleDevTools', label: t.devTools });
  }
  return [
    ...(mac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: t.file,
      submenu: [
        { id: 'lock', label: t.lock, accelerator: 'CmdOrCtrl+L', click: onLock },
        ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: t.quit } as const]),
      ],
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    { label: t.view, submenu: view },
    {
      label: t.window,
      submenu: [
        { role: 'minimize', label: t.minimize },
        { role: 'close', label: t.close },
      ],
    },
  ];
}
