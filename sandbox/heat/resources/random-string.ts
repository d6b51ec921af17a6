// OS::Heat::RandomString: a random string of `length` characters; attribute `value`.
import { randomBytes } from 'node:crypto';
import { ResourceFailure } from '../errors';
import type { ResourcePlugin } from './types';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export const randomStringResource: ResourcePlugin = {
  create: (ctx, props) => {
    const length = props.length === undefined ? 32 : Number(props.length);
    if (!Number.isInteger(length) || length < 1 || length > 512) throw new ResourceFailure(`Property error: resources.${ctx.resource.name}.properties.length: ${String(props.length)} is out of range (min: 1, max: 512)`);
    const bytes = randomBytes(length);
    const value = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
    ctx.resource.data.value = value;
    ctx.resource.physicalId = ctx.physicalName;
  },
  delete: () => {},
  attributes: (ctx) => ({ value: ctx.resource.data.value ?? null }),
};
