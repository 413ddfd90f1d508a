// A host that imports the self-contained bundle only for what it registers (the README's
// "Plain HTML" case, through a bundler): nothing of it may be tree-shaken away.
import 'ip-entity-page/bundle.js';
