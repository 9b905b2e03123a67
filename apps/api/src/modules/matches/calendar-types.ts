/** Anything published with a Chinese `name` and an optional English `nameEn`. */
export type EntityLike = { name: string; nameEn: string | null };
