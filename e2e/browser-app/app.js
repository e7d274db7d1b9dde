// A small shop page instrumented with the real @sentry/browser SDK; browser-sdk.spec.ts bundles and minifies it
// with esbuild and serves it on loopback. Each button throws from its own code path.
import * as Sentry from "@sentry/browser";

Sentry.init({
  dsn: window.SENTRY_DSN,
  release: "shop-web@3.1.0",
  sendClientReports: false,
  integrations: (defaults) => defaults.filter((integration) => integration.name !== "BrowserSession"),
});

function priceOf(cart, sku) {
  return cart.lines.find((line) => line.sku === sku).price;
}

function applyCoupon(total, coupon) {
  if (!/^[A-Z]{4}\d{2}$/.test(coupon)) throw new RangeError(`coupon ${coupon} is malformed`);
  return total * 0.9;
}

document.getElementById("price").addEventListener("click", () => {
  priceOf({ lines: [] }, "sku-1");
});
document.getElementById("coupon").addEventListener("click", () => {
  applyCoupon(100, "bad");
});
