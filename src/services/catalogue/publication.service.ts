import {
  publishableFieldKeys,
  type DescriptionInput,
  type Publication,
  type PublicationInput,
  type PublicationList,
} from '../../domain/catalogue/catalogue.schema';
import { AppError, validationError } from '../../domain/shared/errors';
import { familyOfKind, type ZoneKind } from '../../domain/zone/zone.schema';
import { recordAudit } from '../audit/audit.service';
import { requireActor, type ServiceDeps } from '../deps';
import { zoneVisibility } from '../zone/zone.policy';
import {
  deleteDescription,
  findDescriptions,
  findPublicationRow,
  findPublications,
  findZoneDocument,
  findZoneDocuments,
  findZoneForPublication,
  saveDescription,
  savePublication,
  setDocumentPublic,
} from './catalogue.repository';
import { canManageCatalogue, canPublishZone, type PublicationFacts } from './catalogue.policy';

/**
 * Officers' publishing (page "Danh mục đầu tư"): per zone, published or not and which fields; its descriptions
 * per language; which of its documents are public. Every write is version-checked (409 with the current state)
 * and audited on the zone in the same transaction; each moves the data version, so the public side changes in
 * the very next request.
 */

type ZoneRef = NonNullable<Awaited<ReturnType<typeof findZoneForPublication>>>;

const factsOf = (zone: ZoneRef): PublicationFacts => ({
  family: familyOfKind(zone.kind as ZoneKind),
  communeCode: zone.communeCode,
});

/** The zone, if the actor may publish it; out of scope answers 404 as if unknown. */
async function loadPublishable(deps: ServiceDeps, code: string): Promise<ZoneRef> {
  const actor = requireActor(deps);
  if (!canManageCatalogue(actor)) throw new AppError('forbidden');
  const zone = await findZoneForPublication(deps.db, code.toUpperCase());
  if (!zone || !canPublishZone(actor, factsOf(zone))) throw new AppError('not_found');
  return zone;
}

/** `GET /api/catalogue/zones`: the zones the officer sees, published first. */
export async function listPublications(deps: ServiceDeps): Promise<PublicationList> {
  const actor = requireActor(deps);
  if (!canManageCatalogue(actor)) throw new AppError('forbidden');
  const rows = await findPublications(deps.db, zoneVisibility(actor));
  return {
    items: rows.map((r) => ({
      zoneCode: r.zoneCode,
      zoneName: r.zoneName,
      kind: r.kind as ZoneKind,
      family: familyOfKind(r.kind as ZoneKind),
      communeName: r.communeName,
      published: r.published ?? false,
      fields: knownFields(r.fields ?? []),
      descriptionLangs: r.descriptionLangs,
      publicDocuments: r.publicDocuments,
      version: r.version ?? 0,
    })),
  };
}

const knownFields = (fields: readonly string[]) =>
  publishableFieldKeys.filter((k) => fields.includes(k)) as Publication['fields'];

/** `GET /api/catalogue/zones/{code}`: the zone's publication, descriptions and documents. */
export async function getPublication(deps: ServiceDeps, code: string): Promise<Publication> {
  const zone = await loadPublishable(deps, code);
  return publicationView(deps, zone);
}

async function publicationView(deps: ServiceDeps, zone: ZoneRef): Promise<Publication> {
  const [row, descriptions, documents] = await Promise.all([
    findPublicationRow(deps.db, zone.id),
    findDescriptions(deps.db, zone.id),
    findZoneDocuments(deps.db, zone.id),
  ]);
  return {
    zoneCode: zone.code,
    zoneName: zone.name,
    family: familyOfKind(zone.kind as ZoneKind),
    published: row?.published ?? false,
    fields: knownFields(row?.fields ?? []),
    sectors: row?.sectors ?? [],
    contactName: row?.contactName ?? null,
    contactPhone: row?.contactPhone ?? null,
    contactEmail: row?.contactEmail ?? null,
    contactWebsite: row?.contactWebsite ?? null,
    publishedAt: row?.publishedAt?.toISOString() ?? null,
    descriptions: descriptions.map((d) => ({
      lang: d.lang,
      text: d.text,
      writtenBy: d.writtenBy,
      writtenAt: d.writtenAt.toISOString(),
      version: d.version,
    })),
    documents: documents.map((d) => ({ ...d, isPhoto: d.mimeType.startsWith('image/') })),
    version: row?.version ?? 0,
    canEdit: true,
  };
}

async function conflict(deps: ServiceDeps, zone: ZoneRef): Promise<never> {
  throw new AppError('conflict', { current: await publicationView(deps, zone) });
}

/** `PUT /api/catalogue/zones/{code}`: publish or unpublish the zone, choose its public fields. */
export async function savePublicationOf(
  deps: ServiceDeps,
  code: string,
  input: PublicationInput,
): Promise<Publication> {
  const zone = await loadPublishable(deps, code);
  const now = deps.clock.now();
  const values = {
    published: input.published,
    fields: [...new Set(input.fields)],
    sectors: [...new Set(input.sectors ?? [])].sort(),
    contactName: input.contactName || null,
    contactPhone: input.contactPhone || null,
    contactEmail: input.contactEmail || null,
    contactWebsite: input.contactWebsite || null,
  };
  const saved = await deps.db.transaction(async (tx) => {
    const before = await findPublicationRow(tx, zone.id, true);
    if ((before?.version ?? 0) !== input.version) return false;
    const ok = await savePublication(tx, zone.id, input.version, values, deps.actor?.userId || null, now);
    if (!ok) return false;
    await recordAudit(tx, deps, {
      action: input.published
        ? before?.published
          ? 'catalogue.update'
          : 'catalogue.publish'
        : 'catalogue.unpublish',
      entityType: 'zone',
      entityId: zone.id,
      before: before
        ? {
            published: before.published,
            fields: before.fields,
            sectors: before.sectors,
            version: before.version,
          }
        : null,
      after: { ...values, version: input.version + 1 },
    });
    return true;
  });
  if (!saved) return conflict(deps, zone);
  return publicationView(deps, zone);
}

/** `PUT /api/catalogue/zones/{code}/descriptions/{lang}`: an officer's description in one language. */
export async function saveZoneDescription(
  deps: ServiceDeps,
  code: string,
  lang: string,
  input: DescriptionInput,
): Promise<Publication> {
  const zone = await loadPublishable(deps, code);
  const now = deps.clock.now();
  const saved = await deps.db.transaction(async (tx) => {
    const ok = await saveDescription(
      tx,
      zone.id,
      lang,
      input.text,
      input.version,
      deps.actor?.userId || null,
      now,
    );
    if (!ok) return false;
    await recordAudit(tx, deps, {
      action: 'catalogue.describe',
      entityType: 'zone',
      entityId: zone.id,
      after: { lang, text: input.text, version: input.version + 1 },
    });
    return true;
  });
  if (!saved) return conflict(deps, zone);
  return publicationView(deps, zone);
}

/** `DELETE /api/catalogue/zones/{code}/descriptions/{lang}?version=`: removes a language's description. */
export async function removeZoneDescription(
  deps: ServiceDeps,
  code: string,
  lang: string,
  version: number,
): Promise<Publication> {
  const zone = await loadPublishable(deps, code);
  const removed = await deps.db.transaction(async (tx) => {
    const ok = await deleteDescription(tx, zone.id, lang, version);
    if (!ok) return false;
    await recordAudit(tx, deps, {
      action: 'catalogue.describe',
      entityType: 'zone',
      entityId: zone.id,
      before: { lang, version },
      after: null,
    });
    return true;
  });
  if (!removed) return conflict(deps, zone);
  return publicationView(deps, zone);
}

/** `PUT /api/catalogue/documents/{id}`: marks a zone document public (or not). */
export async function setDocumentPublication(
  deps: ServiceDeps,
  id: string,
  isPublic: boolean,
): Promise<Publication> {
  const actor = requireActor(deps);
  if (!canManageCatalogue(actor)) throw new AppError('forbidden');
  const doc = await findZoneDocument(deps.db, id);
  if (!doc) throw new AppError('not_found');
  const zone = await loadPublishable(deps, doc.zoneCode);
  if (doc.public !== isPublic) {
    await deps.db.transaction(async (tx) => {
      await setDocumentPublic(tx, id, isPublic, actor.userId || null);
      await recordAudit(tx, deps, {
        action: isPublic ? 'catalogue.document_public' : 'catalogue.document_private',
        entityType: 'zone',
        entityId: zone.id,
        after: { documentId: id, title: doc.title, public: isPublic },
      });
    });
  }
  return publicationView(deps, zone);
}

/** A description's language from the path: refused as a field error when not an ISO 639 code. */
export function checkLang(lang: string): string {
  if (!/^[a-z]{2,3}$/.test(lang)) {
    throw validationError({
      lang: {
        vi: 'Mã ngôn ngữ là 2–3 chữ cái thường (vi, en, ja, ko, zh…).',
        en: 'A language is 2–3 lower-case letters (vi, en, ja, ko, zh…).',
      },
    });
  }
  return lang;
}
