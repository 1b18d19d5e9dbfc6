import { startDevServer } from '../../scripts/lib/temporal-dev-server';
import type { DevServer } from '../../scripts/lib/temporal-dev-server';
import type { TemporalLog } from '../../scripts/lib/temporal-log';
import { freePort } from '../../scripts/lib/temporal-ports';

/**
 * The suite's own Temporal dev server. Its ports are picked once and its SQLite file kept in `stateDir`,
 * so {@link SuiteTemporal.restart} brings the same server back on the same address with every workflow,
 * timer and activity it had: the "Temporal restarted on its state file" fault. The dev server registers
 * the pipeline's search attributes itself.
 */
export class SuiteTemporal {
  restarts = 0;

  private constructor(
    private server: DevServer,
    private readonly options: { stateDir: string; port: number; uiPort: number; log: TemporalLog },
  ) {}

  static async start(stateDir: string, log: TemporalLog): Promise<SuiteTemporal> {
    const port = await freePort();
    let uiPort = await freePort();
    while (uiPort === port) uiPort = await freePort();
    const options = { stateDir, port, uiPort, log };
    return new SuiteTemporal(await startDevServer(options), options);
  }

  /** `127.0.0.1:<port>` of the gRPC frontend; unchanged by a restart. */
  get address(): string {
    return this.server.address;
  }

  get uiUrl(): string {
    return this.server.uiUrl;
  }

  /** Stops the server (SIGTERM, as an operator would) and starts it again on the same file and ports. */
  async restart(): Promise<void> {
    await this.server.stop();
    this.server = await startDevServer(this.options);
    this.restarts++;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }
}
