// The demo organisation's incidents: postmortem front matter, the shape of each incident in the
// SLI data, and the write-up itself. The SLI generator applies `effects` hour by hour from
// `started` (which is always on the hour, because the SLI rows are hourly), so the data and the
// postmortem's [started, mitigated) window line up exactly.

export type ActionItem = {
  title: string;
  owner: string;
  due: string;
  status: 'open' | 'in-progress' | 'done' | 'wont-do';
  priority?: 'P0' | 'P1' | 'P2' | 'P3';
  link?: string;
};

export type Effect = { slo: string; rates?: number[]; latency?: number[] };

export type Ctx = {
  /** deployment id that triggered the incident, and the id of the deployment that ended it */
  dep: string;
  rollback: string;
  /** approximate failed events inside the window, formatted ("about 118,000") */
  bad: (slo: string) => string;
  /** approximate events inside the window, formatted */
  total: (slo: string) => string;
};

export type Incident = {
  file: string;
  title: string;
  status: 'draft' | 'in-review' | 'final';
  severity: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4';
  visibility?: 'public' | 'internal';
  services: string[];
  slos?: string[];
  started: string;
  detected: string;
  mitigated?: string;
  resolved?: string;
  authors: string[];
  trigger: string;
  /** a deployment injected into the log just before `started`; its rollback before `mitigated` */
  deploy?: {
    service: string;
    at: string;
    leadHours: number;
    status: 'rolled-back' | 'failed';
    /** the deployment that ended it: a rollback, or a forward fix (hotfix) */
    followAt: string;
    followKind: 'rollback' | 'hotfix';
  };
  actionItems: ActionItem[];
  effects: Effect[];
  body: (c: Ctx) => string;
};

export const INCIDENTS: Incident[] = [
  {
    file: '2025-08-12-search-index-rebuild-saturation',
    title: 'Slow and failing searches during a full index rebuild',
    status: 'final',
    severity: 'SEV3',
    services: ['search-api'],
    slos: ['search-latency', 'search-availability'],
    started: '2025-08-12T10:00:00Z',
    detected: '2025-08-12T10:14:00Z',
    mitigated: '2025-08-12T15:00:00Z',
    resolved: '2025-08-12T16:20:00Z',
    authors: ['Jonas Berg'],
    trigger: 'capacity',
    actionItems: [
      {
        title: 'Run full index rebuilds on the dedicated ingest node pool',
        owner: 'discovery',
        due: '2025-09-15',
        status: 'done',
        priority: 'P0',
        link: 'https://tracker.example/SRCH-311',
      },
      {
        title: 'Throttle rebuild indexing when query p99 exceeds 250 ms',
        owner: 'discovery',
        due: '2025-10-31',
        status: 'done',
        priority: 'P2',
        link: 'https://tracker.example/SRCH-312',
      },
      {
        title: 'Write a runbook for pausing and resuming a rebuild',
        owner: 'discovery',
        due: '2025-09-30',
        status: 'done',
        priority: 'P3',
        link: 'https://tracker.example/SRCH-313',
      },
    ],
    effects: [
      { slo: 'search-latency', latency: [410, 520, 595, 580, 450] },
      { slo: 'search-availability', rates: [0.002, 0.006, 0.01, 0.008, 0.004] },
    ],
    body: (c) => `## Summary

A scheduled full rebuild of the product search index ran on the same nodes that serve queries.
Indexing consumed most of the cluster's I/O and CPU, and for five hours search p99 latency sat
between 400 and 600 ms, well over our 300 ms threshold. A small share of queries timed out.

## Impact

- Search p99 latency was above 300 ms for five consecutive hours, 10:00–15:00 UTC.
- ${c.bad('search-availability')} of ${c.total('search-availability')} search queries in that window failed with a gateway timeout.
- Customers saw slow result pages; the mobile app showed an empty state for timed-out queries.

## Timeline (UTC)

- 09:55 — the weekly rebuild job starts; it is the first run since the catalogue import doubled the index size.
- 10:00 — query p99 crosses 300 ms.
- 10:14 — latency alert pages the search on-call.
- 10:40 — on-call identifies the rebuild as the cause from the node I/O graphs.
- 11:05 — we decide against cancelling: a cancelled rebuild leaves the alias on a half-built index.
- 12:30 — rebuild refresh interval raised from 1 s to 30 s; latency improves slightly.
- 14:58 — rebuild completes and the alias switches over.
- 15:00 — p99 back under 250 ms.
- 16:20 — incident resolved after an hour of normal traffic.

## Contributing factors

- Rebuilds and queries shared one node pool. That was fine while the index was small.
- The catalogue import a week earlier doubled the document count; nobody connected that to the
  rebuild's cost.
- There was no documented way to pause a rebuild safely, so the on-call had to let it finish.

## What went well

- The latency alert fired within 15 minutes and pointed at the right service.
- The decision not to cancel was right: the alias switch at the end was clean.

## What could be better

- We learnt about a capacity change from an incident rather than from planning.
- The status page was not updated until 11:30.

## Action items

Move rebuilds to the ingest pool, throttle them against query latency, and write the pause/resume
runbook. All three are tracked below.
`,
  },
  {
    file: '2025-09-23-session-store-failover',
    title: 'Sign-in failures after a session store failover',
    status: 'final',
    severity: 'SEV2',
    services: ['identity-service'],
    slos: ['login-availability'],
    started: '2025-09-23T07:00:00Z',
    detected: '2025-09-23T07:04:00Z',
    mitigated: '2025-09-23T09:00:00Z',
    resolved: '2025-09-23T10:45:00Z',
    authors: ['Fatima Haddad', 'Luca Romano'],
    trigger: 'infrastructure',
    actionItems: [
      {
        title: 'Make the session store client follow primary changes without a restart',
        owner: 'identity',
        due: '2025-10-31',
        status: 'done',
        priority: 'P1',
        link: 'https://tracker.example/IDN-88',
      },
      {
        title: 'Alert on session store replication role changes',
        owner: 'identity',
        due: '2025-10-15',
        status: 'done',
        priority: 'P2',
        link: 'https://tracker.example/IDN-89',
      },
      {
        title: 'Run a session store failover game day every quarter',
        owner: 'identity',
        due: '2026-03-31',
        status: 'in-progress',
        priority: 'P3',
        link: 'https://tracker.example/IDN-90',
      },
    ],
    effects: [{ slo: 'login-availability', rates: [0.06, 0.035] }],
    body: (c) => `## Summary

At 07:00 UTC the primary node of the session store was replaced by the cloud provider after a
host failure. The replica was promoted correctly, but our identity service kept a connection pool
pointed at the old primary's address, which now answered as a read-only replica. Sign-ins that
needed to write a new session failed until we restarted the service.

## Impact

- ${c.bad('login-availability')} of ${c.total('login-availability')} sign-in attempts failed between 07:00 and 09:00 UTC.
- Users who were already signed in were not affected; existing sessions could still be read.
- The failure hit the European morning peak, so support received about 140 contacts.

## Timeline (UTC)

- 06:58 — provider event: host maintenance on the session store primary.
- 07:00 — promotion completes; write errors begin.
- 07:04 — sign-in error ratio alert pages the identity on-call.
- 07:30 — on-call suspects a bad deploy and checks the deploy log: nothing since the previous day.
- 08:05 — a second engineer notices READONLY errors in the logs and links them to the provider event.
- 08:20 — rolling restart of the identity service starts.
- 09:00 — restart complete; error ratio back to normal.
- 10:45 — resolved after confirming that no sessions were lost.

## Contributing factors

- The client library resolved the store's DNS name once at start-up and never again.
- Role changes of the store were not visible on any dashboard the on-call uses.
- The rolling restart took 40 minutes because of conservative disruption budgets.

## What went well

- Detection took four minutes.
- Nobody needed to restore data: the promotion itself was clean.

## What could be better

- We spent half an hour looking at deploys. The provider's event feed would have told us at once.
- A restart should not be the only way to recover from a routine failover.

## Action items

Fix the client to reconnect on READONLY errors, alert on role changes, and rehearse the failover.
`,
  },
  {
    file: '2025-10-15-checkout-certificate-rotation',
    title: 'Checkout errors after certificate rotation',
    status: 'final',
    severity: 'SEV2',
    services: ['checkout-api'],
    slos: ['checkout-availability'],
    started: '2025-10-15T15:00:00+01:00',
    detected: '2025-10-15T15:09:00+01:00',
    mitigated: '2025-10-15T16:00:00+01:00',
    resolved: '2025-10-15T17:30:00+01:00',
    authors: ['Ana Silva'],
    trigger: 'config',
    actionItems: [
      {
        title: 'Alert on certificate expiry and chain changes 14 days ahead',
        owner: 'payments',
        due: '2025-11-01',
        status: 'done',
        priority: 'P1',
        link: 'https://tracker.example/PAY-123',
      },
      {
        title: 'Validate the full chain in the rotation job before reloading',
        owner: 'payments',
        due: '2025-11-15',
        status: 'done',
        priority: 'P1',
        link: 'https://tracker.example/PAY-124',
      },
      {
        title: 'Move the intermediate bundle into the secrets manager',
        owner: 'platform',
        due: '2026-01-15',
        status: 'open',
        priority: 'P2',
        link: 'https://tracker.example/PLAT-560',
      },
    ],
    effects: [{ slo: 'checkout-availability', rates: [0.3] }],
    body: (c) => `## Summary

The automated certificate rotation for the checkout API's upstream connection to the payment
provider installed a new leaf certificate without its intermediate. The provider's edge rejected
the incomplete chain, and roughly a third of checkout requests, the ones routed to the rotated
pods, failed with a TLS handshake error until we rolled the certificate back.

## Impact

- ${c.bad('checkout-availability')} of ${c.total('checkout-availability')} checkout requests failed between 14:00 and 15:00 UTC.
- Failed checkouts showed a generic error; customers could retry, and many did successfully.
- No payments were taken twice. We checked every retried basket.

## Timeline (UTC)

- 13:58 — rotation job reloads the certificate on the first third of the pods.
- 14:00 — handshake failures begin.
- 14:09 — checkout error ratio alert pages payments on-call.
- 14:25 — on-call finds \`unable to get local issuer certificate\` in the provider client logs.
- 14:41 — rotation job paused before it reaches the remaining pods.
- 14:52 — previous certificate restored on the affected pods.
- 15:00 — error ratio back to baseline.
- 16:30 — new certificate reissued with its full chain and rolled out safely.

## Contributing factors

- The rotation job copied the leaf certificate only; the chain lived in a separate file that the
  job did not know about.
- Our staging environment talks to the provider's sandbox, which accepts incomplete chains.
- The job rolled out in thirds with no check between steps.

## What went well

- Rolling out in thirds limited the damage to a third of traffic.
- The logs named the exact problem.

## What could be better

- A chain check before reload would have stopped this before any traffic was affected.
- The intermediate bundle is still a file on disk that someone has to remember.

## Action items

See below. The secrets manager migration is waiting on the platform team's roadmap.
`,
  },
  {
    file: '2025-11-27-email-provider-throttling',
    title: 'Transactional email delayed by provider throttling',
    status: 'final',
    severity: 'SEV3',
    visibility: 'internal',
    services: ['notifications'],
    slos: ['email-delivery'],
    started: '2025-11-27T16:00:00Z',
    detected: '2025-11-27T16:41:00Z',
    mitigated: '2025-11-27T22:00:00Z',
    resolved: '2025-11-28T09:30:00Z',
    authors: ['Sipho Dlamini'],
    trigger: 'dependency',
    actionItems: [
      {
        title: 'Spread marketing campaign sends over a window instead of one batch',
        owner: 'messaging',
        due: '2026-01-31',
        status: 'done',
        priority: 'P1',
        link: 'https://tracker.example/MSG-201',
      },
      {
        title: 'Send transactional and marketing mail from separate provider accounts',
        owner: 'messaging',
        due: '2026-02-28',
        status: 'done',
        priority: 'P1',
        link: 'https://tracker.example/MSG-202',
      },
      {
        title: 'Add a secondary provider for transactional mail',
        owner: 'messaging',
        due: '2026-06-30',
        status: 'in-progress',
        priority: 'P2',
        link: 'https://tracker.example/MSG-203',
      },
    ],
    effects: [{ slo: 'email-delivery', rates: [0.35, 0.7, 0.8, 0.8, 0.6, 0.3] }],
    body: () => `## Summary

On the evening before Black Friday, the marketing team's campaign and our transactional mail
(receipts, password resets, sign-in links) shared one sending account at our email provider. The
campaign pushed the account past its hourly quota, the provider throttled everything on it, and
transactional messages queued for up to three hours instead of five minutes.

## Impact

- Between 16:00 and 22:00 UTC, most receipts and password-reset emails arrived late; at the worst
  hour only one in five was delivered within five minutes.
- Sign-in links expired before they arrived for some users, who then could not sign in.
- No email was lost; the queue drained completely by 23:10.

## Timeline (UTC)

- 15:45 — the campaign starts sending 1.2 million messages.
- 16:00 — the provider starts answering with 421 deferrals.
- 16:41 — the queue-age alert pages messaging on-call (its threshold was 30 minutes).
- 17:15 — provider support confirms account-level throttling.
- 18:30 — campaign paused at our request; transactional mail still deferred by the backlog.
- 20:00 — provider raises the quota temporarily.
- 22:00 — delivery times back under five minutes.
- next day 09:30 — resolved after the campaign resumed at a lower rate.

## Contributing factors

- One sending account for two very different kinds of mail.
- The campaign was scheduled by a tool the messaging team does not monitor.
- The queue-age alert was tuned for daytime noise and fired late.

INTERNAL-ONLY: vendor contract penalty. Our contract gives the provider the right to throttle above
the committed volume without notice, and the service credit we can claim is capped at 5% of the
monthly fee. Procurement is renegotiating the burst allowance; do not quote these terms outside
the company.

## What went well

- Nothing was dropped, and the provider's support engineer was on the call within 35 minutes.

## What could be better

- Marketing and engineering had no shared calendar for large sends.
- We had no second provider to fail over to.

## Action items

Separate the accounts, spread campaign sends, and add a secondary provider for transactional mail.
`,
  },
  {
    file: '2026-01-20-search-query-parser-regression',
    title: 'Search errors after a query parser release',
    status: 'final',
    severity: 'SEV2',
    services: ['search-api'],
    slos: ['search-availability'],
    started: '2026-01-20T11:00:00Z',
    detected: '2026-01-20T11:06:00Z',
    mitigated: '2026-01-20T13:00:00Z',
    resolved: '2026-01-20T14:10:00Z',
    authors: ['Mei Lin', 'Jonas Berg'],
    trigger: 'deploy',
    deploy: {
      service: 'search-api',
      at: '2026-01-20T10:52:00Z',
      leadHours: 26,
      status: 'rolled-back',
      followAt: '2026-01-20T12:48:00Z',
      followKind: 'rollback',
    },
    actionItems: [
      {
        title: 'Add a fuzz corpus of anonymised production queries to the parser CI',
        owner: 'discovery',
        due: '2026-02-28',
        status: 'done',
        priority: 'P1',
        link: 'https://tracker.example/SRCH-402',
      },
      {
        title: 'Canary search releases at 5% of traffic for 30 minutes',
        owner: 'discovery',
        due: '2026-03-15',
        status: 'done',
        priority: 'P1',
        link: 'https://tracker.example/SRCH-403',
      },
      {
        title: 'Answer unparseable queries with 400, not 500',
        owner: 'discovery',
        due: '2026-02-15',
        status: 'done',
        priority: 'P2',
        link: 'https://tracker.example/SRCH-404',
      },
    ],
    effects: [{ slo: 'search-availability', rates: [0.14, 0.11] }],
    body: (c) => `## Summary

Release ${c.dep} replaced the hand-written query tokenizer with a generated parser. The new parser
threw an unhandled exception on queries that contain an unbalanced quote, which shoppers type far
more often than our test suite assumed. Those queries returned HTTP 500 until the release was
rolled back.

## Impact

- ${c.bad('search-availability')} of ${c.total('search-availability')} search queries failed between 11:00 and 13:00 UTC.
- Affected users saw "something went wrong" instead of results; typing the query again without the
  quote worked.

## Timeline (UTC)

- 10:52 — ${c.dep} deployed to all search pods.
- 11:00 — 5xx ratio rises to about 14%.
- 11:06 — availability burn-rate alert pages search on-call.
- 11:20 — on-call sees the release in the deploy log and opens the error samples: all contain \`"\`.
- 11:35 — first rollback attempt blocked: the release also changed the index mapping version.
- 12:30 — compatible rollback build prepared.
- 12:48 — rollback ${c.rollback} deployed.
- 13:00 — error ratio back to baseline.
- 14:10 — resolved.

## Contributing factors

- The parser's tests used a curated list of 300 queries, none with unbalanced quotes.
- Exceptions from the parser were not caught at the request boundary, so a client error became a
  server error.
- The release bundled a mapping change with the parser change, which made it slow to roll back.

## What went well

- The burn-rate alert fired six minutes after the release.
- Error samples made the pattern obvious.

## What could be better

- We deployed to every pod at once; a canary would have caught this at 5% of traffic.
- Bundling unrelated changes cost us an hour of recovery time.

## Action items

Fuzz the parser with real queries, canary releases, and treat parse failures as client errors.
`,
  },
  {
    file: '2026-02-10-token-signing-key-rotation',
    title: 'Token issuance errors during signing key rotation',
    status: 'final',
    severity: 'SEV3',
    services: ['identity-service'],
    slos: ['token-issuance'],
    started: '2026-02-10T09:00:00Z',
    detected: '2026-02-10T09:22:00Z',
    mitigated: '2026-02-10T11:00:00Z',
    resolved: '2026-02-10T11:40:00Z',
    authors: ['Luca Romano'],
    trigger: 'config',
    actionItems: [
      {
        title: 'Publish new signing keys to the JWKS endpoint 24 hours before first use',
        owner: 'identity',
        due: '2026-03-15',
        status: 'done',
        priority: 'P1',
        link: 'https://tracker.example/IDN-131',
      },
      {
        title: 'Alert when the token error ratio exceeds 1% for five minutes',
        owner: 'identity',
        due: '2026-03-01',
        status: 'done',
        priority: 'P2',
        link: 'https://tracker.example/IDN-132',
      },
      {
        title: 'Refresh the SDK key cache when it sees an unknown key id',
        owner: 'identity',
        due: '2026-04-30',
        status: 'open',
        priority: 'P2',
        link: 'https://tracker.example/IDN-133',
      },
    ],
    effects: [{ slo: 'token-issuance', rates: [0.06, 0.04] }],
    body: () => `## Summary

The quarterly rotation of the service-token signing key switched signing to the new key and
published it to the key set at the same moment. Services that validate tokens cache the key set
for an hour, so for a while they rejected freshly issued tokens, and the token exchange that
depends on validation returned errors to about one in twenty callers.

## Impact

- Token issuance was below its 99% per-hour target for two hours (09:00–11:00 UTC).
- Internal services retried; most user-facing requests succeeded on retry, but background jobs
  in the order pipeline were delayed by up to 40 minutes.

## Timeline (UTC)

- 09:00 — rotation runs; new key used for signing and added to the key set.
- 09:22 — the order pipeline team reports \`invalid signature\` errors in their channel.
- 09:35 — identity on-call links the errors to the rotation.
- 09:50 — decision: keep the new key, since rolling back would invalidate tokens already issued.
- 10:05 — cache TTL lowered to five minutes in the validation sidecar; rollout begins.
- 11:00 — error ratio back to normal.
- 11:40 — resolved.

## Contributing factors

- The rotation procedure assumed validators fetch keys on demand; most of them cache.
- We had no alert on the token error ratio; detection came from another team.
- The last rotation happened at a weekend with little traffic, so the problem went unnoticed.

## What went well

- The order pipeline team reported quickly and clearly.
- Choosing to roll forward avoided a second wave of failures.

## What could be better

- A key should be published well before it signs anything. This is standard practice and we
  simply had not written it down.

## Action items

Publish keys a day ahead, alert on the error ratio, and fix the SDK cache.
`,
  },
  {
    file: '2026-03-18-payment-provider-timeouts',
    title: 'Checkout failures from payment provider timeouts',
    status: 'final',
    severity: 'SEV3',
    services: ['checkout-api'],
    slos: ['checkout-availability'],
    started: '2026-03-18T18:00:00Z',
    detected: '2026-03-18T18:05:00Z',
    mitigated: '2026-03-18T20:00:00Z',
    resolved: '2026-03-18T21:15:00Z',
    authors: ['Tomás Ferreira'],
    trigger: 'dependency',
    actionItems: [
      {
        title: 'Fail over to the secondary acquirer after sustained timeouts',
        owner: 'payments',
        due: '2026-05-31',
        status: 'done',
        priority: 'P1',
        link: 'https://tracker.example/PAY-190',
      },
      {
        title: 'Lower the provider call timeout from 30 s to 8 s with a retry budget',
        owner: 'payments',
        due: '2026-04-15',
        status: 'done',
        priority: 'P2',
        link: 'https://tracker.example/PAY-191',
      },
    ],
    effects: [{ slo: 'checkout-availability', rates: [0.05, 0.03] }],
    body: (c) => `## Summary

Our primary payment provider had a partial outage in one of its regions. Authorisation calls from
checkout either timed out after 30 seconds or failed, and a few percent of checkouts failed during
the evening peak. The provider recovered on its own; we had no automatic way to route around it.

## Impact

- ${c.bad('checkout-availability')} of ${c.total('checkout-availability')} checkout requests failed between 18:00 and 20:00 UTC.
- Customers whose payment timed out waited 30 seconds before seeing an error.

## Timeline (UTC)

- 18:00 — authorisation latency and timeouts rise.
- 18:05 — checkout error ratio alert pages payments on-call.
- 18:12 — provider status page confirms degraded authorisations.
- 18:40 — on-call considers switching acquirers manually; decides against it because the switch
  had never been exercised in production.
- 19:55 — provider reports recovery.
- 20:00 — error ratio back to normal.
- 21:15 — resolved after the provider's all-clear.

## Contributing factors

- A single acquirer for all card payments.
- A 30-second timeout that held checkout threads long enough to slow healthy requests too.

## What went well

- The alert fired in five minutes, and the provider's status page was accurate.

## What could be better

- The secondary acquirer existed on paper only. A fallback we have never tested is not one we
  will trust at 18:40 on a weekday.

## Action items

Automatic failover to the secondary acquirer, and a shorter timeout with a retry budget.
`,
  },
  {
    file: '2026-05-12-export-bucket-policy',
    title: 'Account data exports failed after a storage policy change',
    status: 'final',
    severity: 'SEV3',
    services: ['export-api'],
    started: '2026-05-12T10:00:00+01:00',
    detected: '2026-05-12T11:40:00+01:00',
    mitigated: '2026-05-12T13:00:00+01:00',
    resolved: '2026-05-12T13:30:00+01:00',
    authors: ['Ben Adeyemi'],
    trigger: 'config',
    actionItems: [
      {
        title: 'Simulate storage bucket policies in infrastructure CI',
        owner: 'data-platform',
        due: '2026-06-30',
        status: 'done',
        priority: 'P0',
        link: 'https://tracker.example/DATA-77',
      },
      {
        title: 'Run a synthetic export every 15 minutes and alert on failure',
        owner: 'data-platform',
        due: '2026-06-15',
        status: 'done',
        priority: 'P2',
        link: 'https://tracker.example/DATA-78',
      },
      {
        title: 'Tell customers when their export failed instead of retrying silently',
        owner: 'data-platform',
        due: '2026-08-31',
        status: 'open',
        priority: 'P3',
        link: 'https://tracker.example/DATA-79',
      },
    ],
    effects: [{ slo: 'export-availability', rates: [0.9, 0.95, 0.95] }],
    body: (c) => `## Summary

A change to the storage bucket policy, meant to block public listing of the exports bucket, also
removed the export worker's permission to write objects. Almost every export requested between
10:00 and 13:00 BST failed at the upload step. The export API is low-traffic, so the failures went unnoticed
for over an hour and a half.

## Impact

- ${c.bad('export-availability')} of ${c.total('export-availability')} export requests failed between 09:00 and 12:00 UTC.
- Customers who asked for an export received nothing; the worker retried three times and then gave up
  without telling them.
- Two enterprise customers raised tickets; one needed the export for an audit that afternoon.

## Timeline (UTC)

- 08:55 — bucket policy change applied by the infrastructure pipeline.
- 09:00 — first export upload fails with \`AccessDenied\`.
- 10:40 — support escalates a customer ticket to data-platform; on-call starts investigating.
- 11:10 — the failing call is found; the policy change is the only recent change to the bucket.
- 11:45 — corrected policy reviewed and merged.
- 12:00 — corrected policy applied; exports succeed again.
- 12:30 — failed exports re-queued; resolved.

## Contributing factors

- The policy used a deny statement broader than intended; no review step evaluated it against the
  worker's role.
- At about 20 requests an hour, our error-ratio alert needs a long window to be meaningful, so it
  did not fire. A synthetic probe would have.

## What went well

- Re-queueing recovered every failed export; no data was lost.

## What could be better

- We found out from a customer. For low-traffic services, synthetic checks matter more than
  ratios.

## Action items

Policy simulation in CI, a synthetic export probe, and telling customers when an export fails.
`,
  },
  {
    file: '2026-06-30-search-shard-rebalancing-outage',
    title: 'Search outage during overnight shard rebalancing',
    status: 'final',
    severity: 'SEV2',
    services: ['search-api'],
    slos: ['search-availability', 'search-latency'],
    started: '2026-06-30T22:00:00Z',
    detected: '2026-06-30T22:11:00Z',
    mitigated: '2026-07-01T02:00:00Z',
    resolved: '2026-07-01T03:30:00Z',
    authors: ['Jonas Berg'],
    trigger: 'infrastructure',
    actionItems: [
      {
        title: 'Cap concurrent shard relocations at two per node',
        owner: 'discovery',
        due: '2026-07-15',
        status: 'done',
        priority: 'P0',
        link: 'https://tracker.example/SRCH-520',
      },
      {
        title: 'Replace automatic rebalancing after node loss with staged recovery',
        owner: 'discovery',
        due: '2026-09-30',
        status: 'open',
        priority: 'P1',
        link: 'https://tracker.example/SRCH-521',
      },
      {
        title: 'Page search on-call at SEV2 overnight instead of waiting for the morning',
        owner: 'discovery',
        due: '2026-07-31',
        status: 'done',
        priority: 'P2',
        link: 'https://tracker.example/SRCH-522',
      },
    ],
    effects: [
      { slo: 'search-availability', rates: [0.2, 0.3, 0.25, 0.1] },
      { slo: 'search-latency', latency: [880, 1240, 960, 640] },
    ],
    body: (c) => `## Summary

A search data node failed at 21:57 UTC. The cluster's default recovery started relocating every
shard from the lost node at once, and together with the nightly snapshot this saturated the network
between nodes. Queries timed out or were very slow for four hours, across midnight, until
relocations were throttled and finished.

## Impact

- ${c.bad('search-availability')} of ${c.total('search-availability')} search queries failed between 22:00 and 02:00 UTC.
- p99 latency was between 0.6 and 1.2 seconds for the whole window, against a 300 ms threshold.
- The incident crosses the end of June, so its budget cost is split between April–June and
  July–September.

## Timeline (UTC)

- 21:57 — data node lost (hardware failure reported by the provider later).
- 22:00 — relocations start; query timeouts begin.
- 22:11 — latency alert fires; at the time it only opened a ticket overnight.
- 23:05 — availability alert pages the on-call.
- 23:30 — on-call pauses the nightly snapshot.
- 00:15 — relocation concurrency lowered from unlimited to 2 per node.
- 02:00 — relocations complete; latency and errors back to normal.
- 03:30 — replacement node joined; resolved.

## Contributing factors

- Relocation concurrency was left at a setting chosen when the cluster had a third of its data.
- The snapshot job and recovery competed for the same links.
- The overnight alert routing delayed the page by almost an hour.

## What went well

- No data was lost, and the cluster healed without manual shard moves.

## What could be better

- We need a recovery mode that restores capacity gradually and protects queries first.

## Action items

Cap relocations, stage recovery, and fix overnight paging. The staged recovery work is overdue
because it depends on the cluster upgrade.
`,
  },
  {
    file: '2026-08-19-checkout-connection-pool-exhaustion',
    title: 'Checkout outage from database connection exhaustion after a release',
    status: 'final',
    severity: 'SEV1',
    services: ['checkout-api'],
    slos: ['checkout-availability'],
    started: '2026-08-19T14:00:00+01:00',
    detected: '2026-08-19T14:03:00+01:00',
    mitigated: '2026-08-19T18:00:00+01:00',
    resolved: '2026-08-19T19:45:00+01:00',
    authors: ['Ana Silva', 'Grace Okafor'],
    trigger: 'deploy',
    deploy: {
      service: 'checkout-api',
      at: '2026-08-19T12:41:00Z',
      leadHours: 19,
      status: 'failed',
      followAt: '2026-08-19T16:44:00Z',
      followKind: 'hotfix',
    },
    actionItems: [
      {
        title: 'Put a hard cap on total database connections across all checkout pods',
        owner: 'payments',
        due: '2026-09-05',
        status: 'done',
        priority: 'P0',
        link: 'https://tracker.example/PAY-301',
      },
      {
        title: 'Alert on database connection saturation above 80%',
        owner: 'payments',
        due: '2026-09-01',
        status: 'done',
        priority: 'P1',
        link: 'https://tracker.example/PAY-302',
      },
      {
        title: 'Make schema migrations backward-compatible so every release can be rolled back',
        owner: 'payments',
        due: '2026-10-31',
        status: 'open',
        priority: 'P1',
        link: 'https://tracker.example/PAY-303',
      },
      {
        title: 'Load test checkout with production pool settings before each release',
        owner: 'payments',
        due: '2026-12-15',
        status: 'in-progress',
        priority: 'P2',
        link: 'https://tracker.example/PAY-304',
      },
    ],
    effects: [{ slo: 'checkout-availability', rates: [0.28, 0.46, 0.52, 0.38] }],
    body: (c) => `## Summary

Release ${c.dep} raised the per-pod database connection pool from 20 to 50 to fix slow basket
saves. With the afternoon autoscaling, the checkout pods together opened more connections than the
database accepts. New connections were refused, and up to half of all checkout requests failed
for four hours. Our first mitigation, adding pods, made it worse. The release could not be rolled
back directly because it also contained a schema migration.

## Impact

- ${c.bad('checkout-availability')} of ${c.total('checkout-availability')} checkout requests failed between 13:00 and 17:00 UTC (14:00–18:00 BST).
- This was our largest incident of the year. On its own it used most of checkout's error budget
  for July–September, and the quarter ended over budget.
- Order volume that afternoon was 31% below the same weekday a week earlier.

## Timeline (UTC)

- 12:41 — ${c.dep} deployed.
- 13:00 — traffic rises for the afternoon; autoscaler adds pods; refused connections begin.
- 13:03 — checkout burn-rate alert pages payments on-call; SEV1 declared at 13:10.
- 13:25 — on-call reads the errors as CPU saturation and scales checkout from 24 to 36 pods.
- 13:40 — errors increase; scale-up reverted.
- 14:20 — database team identifies \`too many connections\` on the primary.
- 14:45 — rollback attempted; blocked because the old version cannot read the new column.
- 15:30 — decision to ship a forward fix with the previous pool size instead.
- 16:44 — forward fix deployed as ${c.rollback}.
- 17:00 — error ratio back under 0.1%.
- 18:45 — resolved after the evening peak passed normally.

## Contributing factors

- Pool size was set per pod, but the limit that matters is per database. Nobody owned the total.
- The migration made the release irreversible without anyone deciding that it should be.
- The dashboard on-call opened first showed CPU, not connection counts.

## What went well

- Detection within three minutes, and a clear SEV1 declaration with an incident commander.
- Customer support had a banner up within 20 minutes.

## What could be better

- Scaling up a service whose bottleneck is a shared database is a reflex we should unlearn.
- The incident cost a whole quarter's budget: under our policy, checkout feature launches paused
  until the end of September.

## Action items

The P0 item, a hard cap on database connections, shipped on 2 September. Backward-compatible
migrations are still open and overdue.
`,
  },
  {
    file: '2026-09-08-email-spf-record-change',
    title: 'Emails rejected after an SPF record change',
    status: 'final',
    severity: 'SEV3',
    services: ['notifications'],
    slos: ['email-delivery'],
    started: '2026-09-08T10:00:00Z',
    detected: '2026-09-08T11:35:00Z',
    mitigated: '2026-09-08T15:00:00Z',
    resolved: '2026-09-08T16:00:00Z',
    authors: ['Olga Petrova'],
    trigger: 'config',
    actionItems: [
      {
        title: 'Manage mail DNS records in the infrastructure repository with SPF and DKIM lint',
        owner: 'messaging',
        due: '2026-10-15',
        status: 'done',
        priority: 'P1',
        link: 'https://tracker.example/MSG-288',
      },
      {
        title: 'Monitor bounce rate per receiving domain',
        owner: 'messaging',
        due: '2026-11-30',
        status: 'in-progress',
        priority: 'P2',
        link: 'https://tracker.example/MSG-289',
      },
    ],
    effects: [{ slo: 'email-delivery', rates: [0.3, 0.55, 0.6, 0.6, 0.4] }],
    body: () => `## Summary

While adding a new marketing tool to our mail domain's SPF record, someone edited the record by
hand in the DNS console and pushed it over the limit of ten DNS lookups. Receiving servers that
enforce SPF strictly treated our mail as unauthenticated, and more than half of transactional
emails to large mailbox providers were rejected or deferred for several hours.

## Impact

- Between 10:00 and 15:00 UTC, 30–60% of transactional emails were not delivered within five
  minutes; most were delivered later by retries, about 2% bounced permanently.
- Password resets and receipts to two large consumer mailbox providers were the worst affected.

## Timeline (UTC)

- 09:52 — SPF record edited in the DNS console.
- 10:00 — deferrals and rejections rise as caches expire.
- 11:35 — delivery-time alert pages messaging on-call.
- 12:10 — bounce messages cite \`SPF permerror\`.
- 13:40 — record flattened back under ten lookups; TTL is one hour.
- 15:00 — delivery times back to normal.
- 16:00 — permanent bounces re-sent; resolved.

## Contributing factors

- Mail DNS records were outside the reviewed infrastructure code.
- Our delivery alert averages over all domains, so a problem with two providers took 95 minutes to
  show.
- The record's one-hour TTL stretched recovery.

## What went well

- Retries delivered most mail without any action from us.

## What could be better

- A lint step would have rejected the record before it was published.

## Action items

Move mail DNS into code with linting, and monitor bounces per receiving domain.
`,
  },
  {
    file: '2026-10-21-login-rate-limiter-misconfiguration',
    title: 'Sign-ins rejected by a misconfigured rate limiter',
    status: 'final',
    severity: 'SEV2',
    services: ['identity-service'],
    slos: ['login-availability'],
    started: '2026-10-21T07:00:00Z',
    detected: '2026-10-21T07:12:00Z',
    mitigated: '2026-10-21T10:00:00Z',
    resolved: '2026-10-21T11:05:00Z',
    authors: ['Fatima Haddad'],
    trigger: 'config',
    actionItems: [
      {
        title: 'Roll out rate-limit changes through the staged configuration pipeline',
        owner: 'identity',
        due: '2026-11-30',
        status: 'in-progress',
        priority: 'P0',
        link: 'https://tracker.example/IDN-210',
      },
      {
        title: 'Key the sign-in limiter on account and network, not IP address alone',
        owner: 'identity',
        due: '2026-12-15',
        status: 'open',
        priority: 'P1',
        link: 'https://tracker.example/IDN-211',
      },
      {
        title: 'Add a dry-run mode that logs would-be rejections before enforcing',
        owner: 'identity',
        due: '2026-11-13',
        status: 'open',
        priority: 'P2',
        link: 'https://tracker.example/IDN-212',
      },
    ],
    effects: [{ slo: 'login-availability', rates: [0.048, 0.069, 0.055] }],
    body: (c) => `## Summary

To slow down a credential-stuffing attempt seen the night before, the identity team tightened the
sign-in rate limit from 20 to 5 attempts per IP address per minute. The change went straight to
production through the feature-flag console. Corporate customers whose staff sign in from a few
shared office IP addresses hit the limit at the start of their working day, and a large share of
their sign-ins were rejected for three hours.

## Impact

- ${c.bad('login-availability')} of ${c.total('login-availability')} sign-in attempts were rejected with HTTP 429 between 07:00 and 10:00 UTC.
- Almost all rejections came from 40 business accounts behind shared addresses.
- This spent most of the sign-in error budget for October–December in one morning; the SLO is at
  risk for the rest of the quarter.

## Timeline (UTC)

- 06:48 — limit changed in the flag console.
- 07:00 — 429 responses climb as UK offices start work.
- 07:12 — sign-in error ratio alert pages identity on-call.
- 07:30 — on-call sees 429s and assumes the credential-stuffing attack is back; blocks two networks.
- 08:45 — a customer success manager escalates complaints from three business customers.
- 09:40 — the limit change is found in the flag audit log and reverted to 20.
- 10:00 — rejections back to normal.
- 11:05 — resolved after checking that the attack had not resumed.

## Contributing factors

- Rate limits live in a console with no review and no staged rollout.
- The limiter keys only on IP address, which punishes offices behind NAT.
- The on-call had been primed by the previous night's attack and read the symptoms as a repeat.

## What went well

- The alert fired twelve minutes in.

## What could be better

- The change and its author were in the audit log from the start; we looked there last.

## Action items

Staged rollout for limiter changes (P0), a better key for the limiter, and a dry-run mode.
`,
  },
  {
    file: '2026-11-04-search-cache-eviction-storm',
    title: 'Slow search results after result cache evictions',
    status: 'in-review',
    severity: 'SEV4',
    services: ['search-api'],
    slos: ['search-latency'],
    started: '2026-11-04T14:00:00Z',
    detected: '2026-11-04T14:26:00Z',
    mitigated: '2026-11-04T17:00:00Z',
    resolved: '2026-11-04T17:30:00Z',
    authors: ['Mei Lin'],
    trigger: 'capacity',
    actionItems: [
      {
        title: 'Size the result cache for the enlarged product catalogue',
        owner: 'discovery',
        due: '2026-11-30',
        status: 'in-progress',
        priority: 'P2',
        link: 'https://tracker.example/SRCH-610',
      },
      {
        title: 'Alert when the result cache hit ratio drops below 70%',
        owner: 'discovery',
        due: '2026-12-05',
        status: 'open',
        priority: 'P3',
        link: 'https://tracker.example/SRCH-611',
      },
    ],
    effects: [{ slo: 'search-latency', latency: [380, 450, 340] }],
    body: () => `## Summary

The winter catalogue went live at 13:30 UTC and added about 80,000 products. Shoppers browsed the
new ranges, the result cache filled with new keys and evicted the popular ones, and the hit ratio
fell from 85% to 40%. More queries reached the cluster, and p99 latency stayed between 340 and 450 ms
for three hours. No queries failed.

## Impact

- Search p99 latency was over 300 ms from 14:00 to 17:00 UTC.
- Median latency rose only slightly; the slowest one percent of searches took up to half a second.

## Timeline (UTC)

- 13:30 — winter catalogue published.
- 14:00 — p99 crosses 300 ms.
- 14:26 — latency alert; on-call acknowledges.
- 15:10 — cache hit ratio identified as the cause.
- 16:20 — result cache memory doubled by configuration; cache warms over the next half hour.
- 17:00 — p99 back under 300 ms.
- 17:30 — resolved.

## Contributing factors

- The cache was sized in spring for a catalogue a third smaller.
- Catalogue launches are not on the search team's calendar.

## What went well

- The cache could be resized without a restart.

## What could be better

- We have no alert on the cache hit ratio, which moved an hour before latency did.

## Action items

Still under review: the team is discussing whether the cache should be sized automatically from
the catalogue size.
`,
  },
  {
    file: '2026-11-12-checkout-intermittent-502s',
    title: 'Intermittent checkout 502s at the load balancer',
    status: 'draft',
    severity: 'SEV3',
    services: ['checkout-api'],
    slos: ['checkout-availability'],
    started: '2026-11-12T10:00:00Z',
    detected: '2026-11-12T10:20:00Z',
    authors: ['Tomás Ferreira'],
    trigger: 'unknown',
    actionItems: [
      {
        title: 'Compare load balancer and pod keep-alive timeouts',
        owner: 'payments',
        due: '2026-11-27',
        status: 'in-progress',
        priority: 'P2',
        link: 'https://tracker.example/PAY-355',
      },
    ],
    effects: [{ slo: 'checkout-availability', rates: [0.012, 0.008] }],
    body: () => `## Summary

Draft. Since 10:00 UTC on 12 November, about 1% of checkout requests have failed with HTTP 502
from the load balancer, in bursts of a few seconds. The rate dropped after 12:00 but has not gone
to zero, so this write-up has no mitigation time yet.

## Impact

- Roughly one in a hundred checkout requests failed for two hours, less since then.
- Retries from the web client hide most failures from customers; the mobile app does not retry.

## Timeline (UTC)

- 10:00 — 502 ratio rises at the load balancer.
- 10:20 — ticket alert; payments on-call investigating.
- 11:15 — no deploys or configuration changes to checkout in the previous 24 hours.
- 12:00 — rate drops without any action from us.

## Contributing factors

Unknown so far. Our leading theory is a keep-alive mismatch: the load balancer keeps idle
connections for 60 seconds, and the new HTTP server in the base image may close them after 55.
The base image was updated on 10 November, two days before the first errors, but pods only picked
it up as they were rescheduled, which would explain why the errors grew slowly.

## What went well

To be written.

## What could be better

To be written.

## Action items

To be agreed at the review on 19 November. Until then the on-call keeps the extra load balancer
logging switched on, so we have connection-level detail if the bursts come back.
`,
  },
];
