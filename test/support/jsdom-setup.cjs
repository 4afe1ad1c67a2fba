// jsdom lacks TextEncoder/TextDecoder, which browser code may expect (the real browser has them).
const { TextEncoder, TextDecoder } = require('node:util');
Object.assign(globalThis, { TextEncoder, TextDecoder });
