import { z } from 'zod';

const person = {
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  birthDate: z.string().nullable(),
  gender: z.string().nullable(),
};

/** A resolution-queue item: the incoming row and the existing candidate side by side, with the score's reasons. */
export const identityReviewSchema = z.object({
  id: z.number().int(),
  status: z.string(),
  districtNumber: z.string(),
  line: z.number().int(),
  score: z.number(),
  reasons: z.array(z.object({ code: z.string(), text: z.string(), weight: z.number() })),
  incoming: z.object({ localId: z.string().nullable(), ...person }),
  candidate: z.object({
    studentId: z.number().int(),
    stateId: z.string(),
    districts: z.array(z.string()),
    ...person,
  }),
  resolvedStudentId: z.number().int().nullable(),
});
/** A resolution-queue item. */
export type IdentityReview = z.infer<typeof identityReviewSchema>;
