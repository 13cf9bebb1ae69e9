import { afterAll, describe, expect, it } from 'vitest';
import { clearRetained, readRetained, TEST_BROKER_URL, uniquePrefix, unusedPort } from '@/tests/support/mqtt';
import { connectMqtt } from './connect';
import { startEmbeddedBroker } from './embedded-broker';
import { openPublisher, type RetainedMessage } from './publisher';

const prefix = uniquePrefix('publisher');
afterAll(() => clearRetained(TEST_BROKER_URL, prefix));

const many = (n: number, topic: string): RetainedMessage[] =>
  Array.from({ length: n }, (_, i) => ({ topic, payload: JSON.stringify({ i }), schema: 'test.v1', modelVersion: 1 }));

describe('openPublisher', () => {
  it('gets more than 65,535 QoS 1 messages acknowledged through a bounded window', async () => {
    const publisher = await openPublisher({ url: TEST_BROKER_URL, maxInFlight: 1_000 });
    let acks = 0;
    let maxSettled = 0;
    try {
      const outcome = await publisher.publishRetained(many(66_000, `${prefix}/window`), {
        onAck: () => acks++,
        onSettled: (n) => (maxSettled = n),
      });
      expect(outcome).toEqual({ acked: 66_000, failed: 0, error: null });
    } finally {
      await publisher.end();
    }
    expect(acks).toBe(66_000);
    expect(maxSettled).toBe(66_000);
    const got = await readRetained(TEST_BROKER_URL, `${prefix}/window`);
    expect(got.get(`${prefix}/window`)?.payload.toString()).toBe('{"i":65999}');
  });

  it('reports only what was acknowledged when the broker goes away mid-run', async () => {
    const broker = await startEmbeddedBroker();
    const publisher = await openPublisher({ url: broker.url, maxInFlight: 100 });
    expect(publisher.protocolVersion).toBe(4);
    let acks = 0;
    const outcome = await publisher.publishRetained(many(20_000, 'lost/topic'), {
      onAck: () => {
        if (++acks === 500) void broker.close();
      },
    });
    await publisher.end();
    expect(outcome.acked).toBe(acks);
    expect(outcome.acked).toBeGreaterThanOrEqual(500);
    expect(outcome.failed).toBeGreaterThan(0);
    expect(outcome.acked + outcome.failed).toBe(20_000);
    expect(outcome.error?.message).toMatch(/lost the connection to the MQTT broker at mqtt:\/\/127\.0\.0\.1:\d+/);
  });
});

describe('startEmbeddedBroker', () => {
  it('says so when the port it was given is taken', async () => {
    const first = await startEmbeddedBroker();
    try {
      await expect(startEmbeddedBroker({ port: first.port })).rejects.toThrow(`cannot listen on 127.0.0.1:${first.port}`);
    } finally {
      await first.close();
    }
  });
});

describe('connectMqtt', () => {
  it('names the broker but never the password when nothing answers', async () => {
    const port = await unusedPort();
    const err = await connectMqtt({ url: `mqtt://songcast:s3cret@127.0.0.1:${port}`, timeoutMs: 2_000 }).catch((e: Error) => e);
    expect((err as Error).message).toBe(`no MQTT broker answered at mqtt://127.0.0.1:${port} (connection refused).`);
    expect((err as Error).message).not.toContain('s3cret');
  });

  it('rejects URLs of other schemes', async () => {
    await expect(connectMqtt({ url: 'http://127.0.0.1:1883' })).rejects.toThrow(/mqtt:\/\/, mqtts:\/\/, ws:\/\/ or wss:\/\//);
  });
});
