import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How close together three Shift presses must be (GOV.UK: 5 seconds). */
const WINDOW_MS = 5000;

/**
 * GOV.UK's "Exit this page" shortcut as a reactive controller: Shift pressed three times within
 * 5 seconds (with no other key between) calls `onExit`, from anywhere on the page. Listens on the
 * document while its element is connected. Used by `<at-exit-this-page>`; a host element of its
 * own can use it too.
 */
export class ExitShortcutController implements ReactiveController {
  private presses: number[] = [];

  /**
   * @param host - The element; the controller adds itself to it.
   * @param onExit - Called on the third press.
   */
  constructor(
    host: ReactiveControllerHost,
    private readonly onExit: () => void,
  ) {
    host.addController(this);
  }

  /** @internal */
  hostConnected(): void {
    document.addEventListener('keydown', this.onKey, true);
  }

  /** @internal */
  hostDisconnected(): void {
    document.removeEventListener('keydown', this.onKey, true);
    this.presses = [];
  }

  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Shift') {
      this.presses = [];
      return;
    }
    if (e.repeat) return;
    const now = Date.now();
    this.presses = [...this.presses.filter((t) => now - t < WINDOW_MS), now];
    if (this.presses.length >= 3) {
      this.presses = [];
      this.onExit();
    }
  };
}
