import { readFileSync } from 'node:fs';
import path from 'node:path';

import { parse } from 'yaml';

import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET } from '../emulator/demo';
import { pipelineSearchAttributes } from '../src/search-attributes';

/**
 * No Docker engine runs in CI, so the compose stack is checked by reading it: the services a user
 * needs are there, nothing is published beyond loopback, images are pinned, and the worker is wired
 * to the emulator and to the same search attributes the dev server registers.
 */
interface ComposeService {
  image?: string;
  build?: unknown;
  ports?: string[];
  environment?: Record<string, string>;
  network_mode?: string;
  command?: string[] | string;
}

const repoRoot = path.resolve(__dirname, '..');
const compose = parse(readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, ComposeService>;
};
const services = compose.services;

describe('docker-compose.yml', () => {
  it('defines the database, Temporal, its UI, the search-attribute step, the emulator and the worker', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['emulator', 'postgresql', 'temporal', 'temporal-search-attributes', 'temporal-ui', 'worker'].sort(),
    );
  });

  it('publishes every port on 127.0.0.1 only', () => {
    const published = Object.values(services).flatMap((service) => service.ports ?? []);

    expect(published.length).toBeGreaterThan(0);
    for (const port of published) expect(port).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
  });

  it('pins every image to a version, and builds the app images from the repository', () => {
    for (const [name, service] of Object.entries(services)) {
      if (service.image === undefined) {
        expect({ name, build: service.build }).toEqual({ name, build: '.' });
        continue;
      }
      expect({ name, image: service.image }).toEqual({ name, image: expect.stringMatching(/:\d[\w.-]*$/) });
    }
  });

  it('builds the app image from a pinned Node base', () => {
    const dockerfile = readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');

    expect(dockerfile).toMatch(/^FROM node:\d+\.\d+\.\d+-[\w-]+$/m);
  });

  it('points the worker at Temporal and at the emulator with its demo key', () => {
    // The emulator only listens on loopback, so the worker joins its network namespace.
    expect(services.worker?.network_mode).toBe('service:emulator');
    expect(services.emulator?.command).not.toContain('0.0.0.0');
    expect(services.worker?.environment).toMatchObject({
      TEMPORAL_ADDRESS: 'temporal:7233',
      POLARDB_ENDPOINT: '127.0.0.1:18080',
      POLARDB_PROTOCOL: 'http',
      ALIBABA_CLOUD_ACCESS_KEY_ID: DEMO_ACCESS_KEY_ID,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEMO_ACCESS_KEY_SECRET,
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
    });
  });

  it('registers exactly the pipeline search attributes', () => {
    const script = [services['temporal-search-attributes']?.command ?? []].flat().join(' ');
    const registered = Object.fromEntries(
      [...script.matchAll(/--name (\w+) --type (\w+)/g)].map(([, name, type]) => [name, type]),
    );

    expect(script).toContain('temporal operator search-attribute create');
    expect(registered).toEqual(pipelineSearchAttributes);
  });
});
