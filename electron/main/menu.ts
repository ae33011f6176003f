/**
 * The application menu. Electron's default one would let Ctrl+R reload the projector mid-show,
 * Ctrl+W close a window and Ctrl+Shift+I open DevTools in the clinic's installed app. This one keeps
 * only what a counselor needs: editing shortcuts in text fields (macOS needs the Edit menu for
 * them), the console's own zoom, and Quit.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';

export function installApplicationMenu(isPackaged: boolean): void {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin'
      ? [{ role: 'appMenu' as const }]
      : [{ label: 'File', submenu: [{ role: 'quit' as const }] }]),
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }],
    },
    // Maintainers running from source keep their tools; the installed app has none.
    ...(isPackaged
      ? []
      : [
          {
            label: 'Developer',
            submenu: [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }],
          },
        ]),
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
