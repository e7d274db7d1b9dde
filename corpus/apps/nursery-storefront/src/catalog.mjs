// The plants on sale; the care guides come from the editorial feed and are not there for every plant yet.
export const catalog = new Map([
  ["FH-1001", { name: "Monstera deliciosa", price: "24.50", care: { watering: "weekly", light: "bright, indirect" } }],
  ["FH-1002", { name: "Calathea orbifolia", price: "18.00", care: { watering: "twice a week", light: "shade" } }],
  ["FH-1003", { name: "Olive tree (1.2 m)", price: "79.00", care: { watering: "fortnightly", light: "full sun" } }],
  ["FH-1004", { name: "Fern trio", price: "15.75" }],
]);

export function careSummary(plant) {
  return `${plant.name}: water ${plant.care.watering}, ${plant.care.light} light`;
}

export function breadcrumbTrail(categories, id) {
  const category = categories[id];
  const trail = category.parent ? breadcrumbTrail(categories, category.parent) : [];
  return [...trail, category.name];
}

export function parseInventory(text) {
  const feed = JSON.parse(text);
  return feed.items.map((item) => ({ sku: item.sku, inStock: item.stock > 0 }));
}
