/*
 * @peculiar/x509 resolves its ASN.1 helpers through tsyringe, which refuses to load unless the
 * Reflect metadata API exists ("tsyringe requires a reflect polyfill"). The project does not ship
 * reflect-metadata, and a connector may not pull in new dependencies, so this module installs the
 * four functions tsyringe calls — only when nothing else has installed them — before
 * @peculiar/x509 is evaluated. Import it first, in `peculiar.ts` only.
 *
 * Metadata is kept in a WeakMap keyed by the decorated object, so nothing leaks onto classes.
 */

type MetadataMap = Map<unknown, unknown>;
const store = new WeakMap<object, Map<PropertyKey | undefined, MetadataMap>>();

function ownMap(target: object, property: PropertyKey | undefined, create: boolean): MetadataMap | undefined {
  let byProperty = store.get(target);
  if (!byProperty) {
    if (!create) return undefined;
    byProperty = new Map();
    store.set(target, byProperty);
  }
  let map = byProperty.get(property);
  if (!map && create) {
    map = new Map();
    byProperty.set(property, map);
  }
  return map;
}

const reflect = Reflect as unknown as Record<string, unknown>;

if (typeof reflect.getMetadata !== "function") {
  const defineMetadata = (key: unknown, value: unknown, target: object, property?: PropertyKey) => {
    ownMap(target, property, true)?.set(key, value);
  };
  const getOwnMetadata = (key: unknown, target: object, property?: PropertyKey) => ownMap(target, property, false)?.get(key);
  const getMetadata = (key: unknown, target: object, property?: PropertyKey): unknown => {
    // Metadata is inherited along the prototype chain, as in reflect-metadata.
    for (let at: object | null = target; at !== null; at = Object.getPrototypeOf(at) as object | null) {
      const map = ownMap(at, property, false);
      if (map?.has(key)) return map.get(key);
    }
    return undefined;
  };
  Object.assign(reflect, {
    defineMetadata,
    getOwnMetadata,
    getMetadata,
    hasOwnMetadata: (key: unknown, target: object, property?: PropertyKey) => ownMap(target, property, false)?.has(key) ?? false,
    metadata: (key: unknown, value: unknown) => (target: object, property?: PropertyKey) =>
      defineMetadata(key, value, target, property),
  });
}

export {};
