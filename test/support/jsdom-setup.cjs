// jsdom lacks TextEncoder/TextDecoder, which browser code may expect (the real browser has them).
const { TextEncoder, TextDecoder } = require('node:util');
Object.assign(globalThis, { TextEncoder, TextDecoder });
// jsdom lacks structuredClone (IndexedDB stores values with it; fake-indexeddb needs it): Node's V8 serializer does
// the same structured clone for the plain data the app stores.
if (typeof globalThis.structuredClone === 'undefined') {
  const v8 = require('node:v8');
  globalThis.structuredClone = (value) => v8.deserialize(v8.serialize(value));
}
