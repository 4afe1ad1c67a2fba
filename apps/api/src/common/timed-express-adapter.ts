import http from 'node:http';
import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';

/**
 * Node enforces requestTimeout/headersTimeout on a timer whose period is fixed when the server is created (30 s by
 * default), so the limits are passed at creation rather than set afterwards.
 */
export class TimedExpressAdapter extends ExpressAdapter {
  constructor(private readonly limits: { requestTimeout: number; headersTimeout: number }) {
    super();
  }

  initHttpServer(options: NestApplicationOptions): void {
    super.initHttpServer(options);
    if (options?.httpsOptions) return;
    const checkEvery = Math.max(100, Math.min(1000, Math.floor(this.limits.headersTimeout / 2)));
    this.httpServer = http.createServer(
      { requestTimeout: this.limits.requestTimeout, headersTimeout: this.limits.headersTimeout, connectionsCheckingInterval: checkEvery },
      this.getInstance(),
    );
  }
}
