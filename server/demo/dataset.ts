import "server-only";

/**
 * The small demo dataset loaded on a fresh `npm run demo`: a few projects on different platforms, each
 * with issues of realistic errors. (The event ingest pipeline will replace this with events sent through
 * fingerprinting and AI grouping.)
 */
export interface DemoIssue {
  type: string;
  value: string;
  frames: { module: string; function: string; filename: string; lineno: number; inApp: boolean }[];
  events: number;
}

export interface DemoProject {
  id: number;
  slug: string;
  name: string;
  platform: string;
  issues: DemoIssue[];
}

const frame = (module: string, fn: string, filename: string, lineno: number, inApp = true) => ({
  module,
  function: fn,
  filename,
  lineno,
  inApp,
});

export const demoProjects: DemoProject[] = [
  {
    id: 1,
    slug: "checkout-api",
    name: "Checkout API",
    platform: "python",
    issues: [
      {
        type: "ReadTimeoutError",
        value: "HTTPConnectionPool(host='payments', port=443): Read timed out. (read timeout=5)",
        frames: [
          frame("checkout.views", "create_order", "checkout/views.py", 88),
          frame("checkout.payments", "authorize", "checkout/payments.py", 41),
          frame("urllib3.connectionpool", "urlopen", "urllib3/connectionpool.py", 799, false),
        ],
        events: 24,
      },
      {
        type: "KeyError",
        value: "'shipping_address'",
        frames: [
          frame("checkout.views", "create_order", "checkout/views.py", 92),
          frame("checkout.shipping", "quote", "checkout/shipping.py", 17),
        ],
        events: 9,
      },
      {
        type: "IntegrityError",
        value: 'duplicate key value violates unique constraint "orders_idempotency_key"',
        frames: [
          frame("checkout.orders", "save_order", "checkout/orders.py", 55),
          frame("django.db.backends.utils", "execute", "django/db/backends/utils.py", 84, false),
        ],
        events: 5,
      },
    ],
  },
  {
    id: 2,
    slug: "storefront-web",
    name: "Storefront Web",
    platform: "javascript",
    issues: [
      {
        type: "TypeError",
        value: "Cannot read properties of undefined (reading 'price')",
        frames: [
          frame("app/cart", "renderLine", "app/cart.tsx", 42),
          frame("app/cart", "CartSummary", "app/cart.tsx", 18),
        ],
        events: 31,
      },
      {
        type: "ChunkLoadError",
        value: "Loading chunk 712 failed.",
        frames: [frame("webpack/runtime", "requireEnsure", "webpack/runtime/load.js", 12, false)],
        events: 12,
      },
    ],
  },
  {
    id: 3,
    slug: "billing-service",
    name: "Billing Service",
    platform: "java",
    issues: [
      {
        type: "java.lang.NullPointerException",
        value: "Cannot invoke \"Invoice.getTotal()\" because \"invoice\" is null",
        frames: [
          frame("com.acme.billing.InvoiceJob", "run", "InvoiceJob.java", 64),
          frame("com.acme.billing.InvoiceService", "close", "InvoiceService.java", 120),
        ],
        events: 17,
      },
      {
        type: "org.postgresql.util.PSQLException",
        value: "ERROR: deadlock detected",
        frames: [
          frame("com.acme.billing.LedgerRepository", "append", "LedgerRepository.java", 33),
          frame("org.postgresql.jdbc.PgStatement", "executeInternal", "PgStatement.java", 441, false),
        ],
        events: 4,
      },
    ],
  },
  {
    id: 4,
    slug: "mobile-ios",
    name: "Mobile iOS",
    platform: "cocoa",
    issues: [
      {
        type: "NSInvalidArgumentException",
        value: "-[__NSCFNumber length]: unrecognized selector sent to instance",
        frames: [
          frame("Shop", "-[CartViewController reload]", "CartViewController.m", 71),
          frame("CoreFoundation", "___forwarding___", "", 0, false),
        ],
        events: 7,
      },
    ],
  },
];
