import { stackTier } from '../../vitest.shared.js';

export default stackTier('browser');
