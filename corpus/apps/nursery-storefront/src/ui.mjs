import { performAction, takePendingAction } from "./actions.mjs";
import { flushOfflineQueue, refreshFromServer, saveDraft } from "./sync.mjs";

const ONLINE_SETTLE_MS = 500;

function onApplyClick() {
  const result = performAction(takePendingAction());
  document.getElementById("status").textContent = `applied: ${JSON.stringify(result)}`;
}

async function onCheckoutSubmit(event) {
  event.preventDefault();
  const action = takePendingAction();
  await saveDraft(action);
  performAction(action);
  document.getElementById("status").textContent = "order placed";
}

function onRefreshClick() {
  refreshFromServer();
}

function onSaveForLaterClick() {
  const action = takePendingAction();
  setTimeout(function autosave() {
    performAction(action);
  }, 0);
}

function onPreviewClick() {
  const action = takePendingAction();
  requestAnimationFrame(function renderPreview() {
    document.getElementById("preview").textContent = String(performAction(action));
  });
}

/** Wires the storefront's controls: each is one way a shopper's change reaches `performAction`. */
export function mountStorefront() {
  document.getElementById("apply").addEventListener("click", onApplyClick);
  document.getElementById("checkout").addEventListener("submit", onCheckoutSubmit);
  document.getElementById("refresh").addEventListener("click", onRefreshClick);
  document.getElementById("save-for-later").addEventListener("click", onSaveForLaterClick);
  document.getElementById("preview-basket").addEventListener("click", onPreviewClick);
  // The browser reports "online" before requests go through again: the queue waits for the connection to settle.
  window.addEventListener("online", () => {
    setTimeout(() => void flushOfflineQueue(), ONLINE_SETTLE_MS);
  });
}
