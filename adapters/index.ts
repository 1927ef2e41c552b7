import type { ChatAdapter } from "../src/chat/port.ts";
import type { Config } from "../src/config.ts";
import type { App } from "../src/app.ts";
import { ConsoleAdapter } from "./console/index.ts";

/**
 * The adapters this configuration runs. With no platform credentials set, the console chat.
 * `bind` connects an adapter to the app once the app exists (the console's `/as` needs it).
 */
export function selectAdapters(config: Config): { adapters: ChatAdapter[]; bind(app: App): void } {
  let app: App | undefined;
  const console = new ConsoleAdapter({
    initialUser: config.CONSOLE_USER,
    switchUser: (name, role) => app!.switchConsoleUser(name, role),
    afterEach: () => app!.dispatcher.flush(),
  });
  return {
    adapters: [console],
    bind(boundApp) {
      app = boundApp;
    },
  };
}
