import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { handleIncoming } from '../../../server1/whatsapp/handle-incoming.ts';
import { renderUnknownSender, renderUpgradeNeeded } from '../../../server1/whatsapp/replies.ts';
import { createWaFixture, outboundTo, seedScoredJobs, seedUser, textFrom, type WaFixture } from './wa-fixture.ts';

/**
 * The inbound pipeline end to end against a real database: Baileys-shaped messages in, stored
 * rows, gate decisions, effects and queued replies out.
 */

let f: WaFixture;
beforeAll(async () => {
  f = await createWaFixture();
});
afterAll(() => f.close());

const handle = (phone: string, body: string, options: Parameters<typeof textFrom>[2] = {}) =>
  handleIncoming(f.deps, textFrom(phone, body, options));
const inbound = async (phone: string) => [
  ...(await f.sql<{ status: string; outcome: string; user_id: string | null; body: string }[]>`
    SELECT status, outcome, user_id, body FROM wa_messages WHERE direction = 'in' AND phone_e164 = ${phone} ORDER BY id`),
];
const lastReply = async (phone: string) => (await outboundTo(f.sql, phone)).at(-1)?.body ?? '';

describe('gate 1: identity', () => {
  test('an unverified number gets one generic reply per day and nothing runs', async () => {
    const phone = '+919800000001';
    await seedUser(f.sql, { phone, verified: false, tier: 'pro', confirmations: false });
    expect(await handle(phone, 'pause')).toBe('rejected:unknown_sender');
    expect(await handle(phone, 'status')).toBe('rejected:unknown_sender');
    const out = await outboundTo(f.sql, phone);
    expect(out).toEqual([{ body: renderUnknownSender(), kind: 'reply', status: 'pending', user_id: null }]);
    const [user] = await f.sql`SELECT auto_apply_enabled FROM users WHERE phone_e164 = ${phone}`;
    expect(user?.auto_apply_enabled).toBe(false);
    // every inbound text is stored, even the rejected ones
    expect((await inbound(phone)).map((m) => [m.status, m.outcome, m.user_id])).toEqual([
      ['ignored', 'rejected:unknown_sender', null],
      ['ignored', 'rejected:unknown_sender', null],
    ]);
  });

  test('a verified number runs its command as its user', async () => {
    const phone = '+919800000002';
    const userId = await seedUser(f.sql, { phone });
    await seedScoredJobs(f.sql, userId, 3);
    expect(await handle(phone, 'jobs')).toBe('executed:jobs');
    const reply = await lastReply(phone);
    expect(reply).toContain('1. Job 1 – Company 1 (90)');
    expect(reply).toContain('3. Job 3 – Company 3 (80)');
    expect((await inbound(phone))[0]).toMatchObject({ status: 'processed', outcome: 'executed:jobs', user_id: userId, body: 'jobs' });
  });

  test('a spoofed display name identifies nobody; a real number with any name is still its user', async () => {
    const victim = '+919800000003';
    const attacker = '+919800000004';
    const victimId = await seedUser(f.sql, { phone: victim, name: 'Priya Sharma', tier: 'pro' });
    expect(await handle(attacker, 'status', { pushName: 'Priya Sharma' })).toBe('rejected:unknown_sender');
    expect(await lastReply(attacker)).toBe(renderUnknownSender());
    expect(await lastReply(attacker)).not.toContain('Pro');

    expect(await handle(victim, 'status', { pushName: 'Talvix Admin' })).toBe('executed:status');
    expect((await inbound(victim))[0]?.user_id).toBe(victimId);
    expect(await lastReply(victim)).toContain('Plan: Pro');
  });
});

describe('gate 2: freshness', () => {
  test('a duplicate message id is dropped: one stored row, one reply', async () => {
    const phone = '+919800000011';
    await seedUser(f.sql, { phone });
    const message = textFrom(phone, 'status', { id: '3EB0DUPLICATE01' });
    expect(await handleIncoming(f.deps, message)).toBe('executed:status');
    expect(await handleIncoming(f.deps, message)).toBe('rejected:duplicate');
    expect(await inbound(phone)).toHaveLength(1);
    expect(await outboundTo(f.sql, phone)).toHaveLength(1);
  });

  test('a 6-minute-old message (replayed after a reconnect) is stored but not executed', async () => {
    const phone = '+919800000012';
    await seedUser(f.sql, { phone, tier: 'pro', confirmations: false });
    await f.sql`UPDATE users SET auto_apply_enabled = true WHERE phone_e164 = ${phone}`;
    expect(await handle(phone, 'pause', { ageMs: 6 * 60_000 })).toBe('rejected:stale');
    const [user] = await f.sql`SELECT auto_apply_enabled FROM users WHERE phone_e164 = ${phone}`;
    expect(user?.auto_apply_enabled).toBe(true);
    expect(await outboundTo(f.sql, phone)).toEqual([]);
    expect((await inbound(phone))[0]).toMatchObject({ status: 'ignored', outcome: 'rejected:stale' });
    // a 4-minute-old one is still fresh
    expect(await handle(phone, 'pause', { ageMs: 4 * 60_000 })).toBe('executed:pause');
  });

  test('the 21st command in an hour gets one "slow down", the 22nd nothing', async () => {
    const phone = '+919800000013';
    await seedUser(f.sql, { phone });
    for (let i = 0; i < 20; i++) expect(await handle(phone, 'status')).toBe('executed:status');
    expect(await handle(phone, 'status')).toBe('rejected:rate_limited');
    expect(await lastReply(phone)).toContain('Limit: 20 an hour');
    expect(await handle(phone, 'jobs')).toBe('rejected:rate_limited');
    expect(await outboundTo(f.sql, phone)).toHaveLength(21);
    // help is never rate limited: the menu costs nothing
    expect(await handle(phone, 'help')).toBe('executed:help');
  });
});

describe('gate 3: authority', () => {
  test('apply 1 asks first; nothing is applied without YES', async () => {
    const phone = '+919800000021';
    const userId = await seedUser(f.sql, { phone, tier: 'pro' });
    await seedScoredJobs(f.sql, userId, 2);
    await handle(phone, 'jobs');
    expect(await handle(phone, 'apply 1')).toBe('asked:apply');
    const prompt = await lastReply(phone);
    expect(prompt).toStartWith('Apply to job 1?\nJob 1 – Company 1 (90)');
    expect(prompt).toContain('Reply *YES* within 5 minutes');
    expect(await f.sql`SELECT 1 FROM job_applications WHERE user_id = ${userId}`).toHaveLength(0);
    expect(f.fired.filter((q) => q.hop.agent === 'apply')).toHaveLength(0);
    // a NO cancels; a later YES has nothing to confirm
    expect(await handle(phone, 'no')).toBe('answered:cancelled_apply');
    expect(await handle(phone, 'YES')).toBe('answered:nothing_pending');
    expect(await f.sql`SELECT 1 FROM job_applications WHERE user_id = ${userId}`).toHaveLength(0);
  });

  test('apply 1 then YES approves the application and starts Agent 12 once', async () => {
    const phone = '+919800000022';
    const userId = await seedUser(f.sql, { phone, tier: 'pro' });
    const [jobId] = await seedScoredJobs(f.sql, userId, 2);
    await handle(phone, 'jobs');
    expect(await handle(phone, 'apply 1')).toBe('asked:apply');
    // rescoring after the question does not change which job the YES applies to
    await f.sql`UPDATE fit_scores SET score = 99 WHERE user_id = ${userId} AND job_id <> ${jobId!}`;
    expect(await handle(phone, 'haan')).toBe('executed:apply');
    const applications = await f.sql<{ id: string; job_id: string; source: string; auto_status: string; fit_score: number }[]>`
      SELECT id, job_id, source, auto_status, fit_score FROM job_applications WHERE user_id = ${userId}`;
    expect([...applications]).toEqual([expect.objectContaining({ job_id: String(jobId), source: 'auto', auto_status: 'approved', fit_score: 90 })]);
    const applicationId = Number(applications[0]!.id);
    const fired = f.fired.filter((q) => q.hop.agent === 'apply').map((q) => q.hop.input);
    expect(fired).toEqual([{ scope: 'application', application_id: applicationId, reason: expect.stringMatching(/^wa:/) }]);
    const runs = await f.sql`SELECT agent, status FROM agent_runs WHERE user_id IS NULL AND input->>'application_id' = ${String(applicationId)}`;
    expect([...runs]).toEqual([{ agent: 'apply', status: 'pending' }]);
    expect(await lastReply(phone)).toStartWith('Applying to Job 1 – Company 1 (90)');
    // a second YES has nothing left to confirm
    expect(await handle(phone, 'yes')).toBe('answered:nothing_pending');
  });

  test('a YES after 5 minutes finds the question expired', async () => {
    const phone = '+919800000023';
    const userId = await seedUser(f.sql, { phone, tier: 'pro' });
    expect(await handle(phone, 'pause')).toBe('asked:pause');
    await f.sql`UPDATE wa_pending_confirmations SET expires_at = now() - interval '1 second' WHERE user_id = ${userId}`;
    expect(await handle(phone, 'yes')).toBe('answered:nothing_pending');
  });

  test('a free-plan user calling a paid command is told to upgrade and nothing changes', async () => {
    const phone = '+919800000024';
    const userId = await seedUser(f.sql, { phone, tier: 'free', confirmations: false });
    await seedScoredJobs(f.sql, userId, 1);
    await handle(phone, 'jobs');
    for (const command of ['apply 1', 'pause', 'approve all']) {
      expect(await handle(phone, command)).toBe('rejected:not_in_plan');
      expect(await lastReply(phone)).toBe(renderUpgradeNeeded());
    }
    expect(await f.sql`SELECT 1 FROM job_applications WHERE user_id = ${userId}`).toHaveLength(0);
    // free commands still work
    expect(await handle(phone, 'score 1')).toBe('executed:score');
    expect(await lastReply(phone)).toContain('Strong match for job 1');
  });

  test('a lapsed paid subscription counts as free', async () => {
    const phone = '+919800000025';
    const userId = await seedUser(f.sql, { phone, tier: 'pro' });
    await f.sql`UPDATE users SET subscription_ends_at = now() - interval '1 day' WHERE id = ${userId}`;
    expect(await handle(phone, 'pause')).toBe('rejected:not_in_plan');
  });

  test('with confirmations off, pause runs at once; an exhausted quota blocks apply', async () => {
    const phone = '+919800000026';
    const userId = await seedUser(f.sql, { phone, tier: 'pro', confirmations: false });
    await f.sql`UPDATE users SET auto_apply_enabled = true, applies_this_week = 50 WHERE id = ${userId}`;
    expect(await handle(phone, 'ruko')).toBe('executed:pause');
    const [user] = await f.sql`SELECT auto_apply_enabled FROM users WHERE id = ${userId}`;
    expect(user?.auto_apply_enabled).toBe(false);
    expect(await handle(phone, 'apply 1')).toBe('rejected:quota_used');
    expect(await lastReply(phone)).toContain('all 50 applies');
  });
});

describe('commands', () => {
  test('apply without a list asks for jobs first; skip hides the job; approve all empties the queue', async () => {
    const phone = '+919800000031';
    const userId = await seedUser(f.sql, { phone, tier: 'premium', confirmations: false });
    const jobIds = await seedScoredJobs(f.sql, userId, 3);
    expect(await handle(phone, 'apply 2')).toBe('executed:apply_unresolved');
    expect(await lastReply(phone)).toContain('Send *jobs* first');

    await handle(phone, 'jobs');
    expect(await handle(phone, 'skip 2')).toBe('executed:skip');
    expect([...(await f.sql`SELECT kind FROM signals WHERE user_id = ${userId} AND job_id = ${jobIds[1]!}`)]).toEqual([{ kind: 'skipped' }]);
    await handle(phone, 'jobs');
    expect(await lastReply(phone)).not.toContain('Job 2');

    await f.sql`
      INSERT INTO job_applications (user_id, job_id, company, title, source, status, auto_status)
      VALUES (${userId}, ${jobIds[0]!}, 'Company 1', 'Job 1', 'auto', 'saved', 'queued'),
             (${userId}, ${jobIds[2]!}, 'Company 3', 'Job 3', 'auto', 'saved', 'queued')`;
    const before = f.fired.length;
    expect(await handle(phone, 'approve all')).toBe('executed:approve_all');
    expect(await lastReply(phone)).toContain('Approved 2 queued applications');
    expect(await f.sql`SELECT auto_status FROM job_applications WHERE user_id = ${userId} AND auto_status = 'queued'`).toHaveLength(0);
    expect(f.fired.slice(before).map((q) => q.hop.agent)).toEqual(['apply', 'apply']);
  });

  test('stop needs YES, then alerts are off; start turns them on; coach reads the latest tip', async () => {
    const phone = '+919800000032';
    const userId = await seedUser(f.sql, { phone });
    expect(await handle(phone, 'stop')).toBe('asked:stop');
    expect(await handle(phone, 'yes')).toBe('executed:stop');
    const [off] = await f.sql`SELECT wa_alerts_enabled FROM users WHERE id = ${userId}`;
    expect(off?.wa_alerts_enabled).toBe(false);
    expect(await handle(phone, 'start')).toBe('executed:start');
    const [on] = await f.sql`SELECT wa_alerts_enabled FROM users WHERE id = ${userId}`;
    expect(on?.wa_alerts_enabled).toBe(true);

    expect(await handle(phone, 'coach')).toBe('executed:coach');
    expect(await lastReply(phone)).toContain('No coaching tip yet');
    await f.sql`INSERT INTO notifications (user_id, kind, title, body) VALUES (${userId}, 'coach', 'Old tip', 'old')`;
    await f.sql`INSERT INTO notifications (user_id, kind, title, body) VALUES (${userId}, 'coach', 'Today', 'Add AWS to your resume.')`;
    expect(await handle(phone, 'salah')).toBe('executed:coach');
    expect(await lastReply(phone)).toBe('*Today*\nAdd AWS to your resume.');
  });

  test('unknown text gets the short help menu', async () => {
    const phone = '+919800000033';
    await seedUser(f.sql, { phone });
    expect(await handle(phone, 'what is the meaning of life')).toBe('executed:help');
    expect(await lastReply(phone)).toStartWith('Sorry, I didn’t get that.');
  });
});
