// class-transformer's metadata singleton (the one its decorators fill): the package ships its types, not a subpath map.
declare module 'class-transformer/cjs/storage.js' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage.js';
}
