import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor, type Actor } from '../../domain/identity/roles';
import { listAudit } from '../audit/audit.service';
import { communes, makeUser, testDeps } from '../testing';
import { buildOrganisation, buildProject, buildZone } from '../testing/factories';
import {
  getDocument,
  listDocuments,
  openDocumentFile,
  uploadDocument,
  withdrawDocument,
} from './document.service';
import { createDocumentStore, type DocumentStore } from './document.store';
import { addLifecycleEvent } from '../zone/zone.service';

let database: TestDatabase;
let store: DocumentStore;
let admin: Actor;
let dongAnhOfficer: Actor;
let thachThatOfficer: Actor;
let eventId: string;

const pdf = (body: string) => new TextEncoder().encode(`%PDF-1.7\n${body}\n%%EOF\n`);
const deps = (actor: Actor) => testDeps(database.db, actor);

beforeAll(async () => {
  database = await createTestDatabase();
  store = createDocumentStore({ dir: mkdtempSync(join(tmpdir(), 'izis-docs-')), maxBytes: 64 * 1024 });
  const system = deps(systemActor('test'));
  await buildZone(database.db, { code: 'CCN-THUY-LAM', name: 'CCN Thụy Lâm', developerCode: null });
  await buildZone(database.db, {
    code: 'CCN-PHUNG-XA',
    name: 'CCN Phùng Xá',
    communeCode: communes.thachThat,
    developerCode: null,
  });
  eventId = (
    await addLifecycleEvent(system, 'CCN-THUY-LAM', {
      state: 'established',
      eventDate: '2021-06-01',
      decisionNo: '1234/QĐ-UBND',
    })
  ).id;
  await buildProject(database.db, {
    code: 'PRJ-TL-1',
    zoneCode: 'CCN-THUY-LAM',
    name: 'Xưởng cơ khí',
    investorCode: (await buildOrganisation(database.db, { code: 'ORG-TL', name: 'Công ty Cơ khí Thụy Lâm' }))
      .code,
  });
  admin = (await makeUser(database.db)).actor;
  const officer = (commune: string) =>
    makeUser(database.db, {
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: commune,
      family: 'CCN',
    }).then((u) => u.actor);
  dongAnhOfficer = await officer(communes.dongAnh);
  thachThatOfficer = await officer(communes.thachThat);
});
afterAll(() => database?.cleanup());

const upload = (actor: Actor, name: string, data: Uint8Array, extra: Record<string, unknown> = {}) =>
  uploadDocument(deps(actor), store, {
    entityType: 'zone',
    entityRef: 'CCN-THUY-LAM',
    file: { name, data },
    ...extra,
  });

describe('uploading a document', () => {
  it('stores the file once by its hash, records who and when, and audits the upload on the zone', async () => {
    const first = await upload(dongAnhOfficer, 'Quyết định thành lập.pdf', pdf('a'), {
      title: 'Quyết định thành lập CCN Thụy Lâm',
      docNo: '1234/QĐ-UBND',
      docDate: '2021-06-01',
    });
    expect(first).toMatchObject({
      entityType: 'zone',
      entityLabel: 'CCN-THUY-LAM',
      title: 'Quyết định thành lập CCN Thụy Lâm',
      docNo: '1234/QĐ-UBND',
      docDate: '2021-06-01',
      fileName: 'Quyết định thành lập.pdf',
      mimeType: 'application/pdf',
      withdrawn: null,
    });
    expect(first.uploadedByName).toMatch(/^Người dùng thử/);
    const again = await upload(admin, 'ban-sao.pdf', pdf('a'));
    expect(again.sha256).toBe(first.sha256);
    expect(again.title).toBe('ban-sao');
    const shard = join(store.dir, 'sha256', first.sha256.slice(0, 2));
    expect(readdirSync(shard)).toEqual([first.sha256]);
    expect(readFileSync(join(shard, first.sha256), 'utf8')).toContain('%PDF-1.7');
    const history = await listAudit(deps(admin), { entityType: 'zone', page: 1, pageSize: 50 });
    const row = history.items.find(
      (r) => r.action === 'document.upload' && (r.after as { documentId: string }).documentId === first.id,
    );
    expect(row?.after).toMatchObject({ fileName: 'Quyết định thành lập.pdf', sha256: first.sha256 });
  });

  it('refuses, by field, a wrong type, a renamed file, an empty one and one over the limit', async () => {
    const field = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: { code: string; details: { fields: Record<string, { vi: string }> } }) => [
          error.code,
          error.details.fields.file?.vi,
        ],
      );
    expect(await field(upload(admin, 'virus.exe', new Uint8Array([0x4d, 0x5a])))).toEqual([
      'validation',
      expect.stringContaining('Không nhận loại tệp ".exe"'),
    ]);
    expect(await field(upload(admin, 'bang.xlsx', pdf('x')))).toEqual([
      'validation',
      expect.stringContaining('Nội dung tệp không phải Excel'),
    ]);
    expect(await field(upload(admin, 'rong.pdf', new Uint8Array()))).toEqual([
      'validation',
      'Tệp rỗng (0 byte).',
    ]);
    expect(await field(upload(admin, 'lon.pdf', pdf('x'.repeat(70 * 1024))))).toEqual([
      'validation',
      'Tệp quá lớn (70 KB); tối đa 64 KB.',
    ]);
  });

  it('attaches to a lifecycle event and a project too; the zone lists its events’ documents', async () => {
    const onEvent = await uploadDocument(deps(dongAnhOfficer), store, {
      entityType: 'lifecycle_event',
      entityRef: eventId,
      file: { name: 'qd-thanh-lap.pdf', data: pdf('event') },
    });
    expect(onEvent.entityLabel).toBe('CCN-THUY-LAM · Đã thành lập — 1/6/2021');
    const onProject = await uploadDocument(deps(dongAnhOfficer), store, {
      entityType: 'project',
      entityRef: 'prj-tl-1',
      file: { name: 'GCN đầu tư.pdf', data: pdf('project') },
    });
    expect(onProject).toMatchObject({ entityType: 'project', entityLabel: 'PRJ-TL-1' });
    const zoneList = await listDocuments(deps(dongAnhOfficer), 'zone', 'CCN-THUY-LAM');
    expect(zoneList.canEdit).toBe(true);
    expect(zoneList.items.map((d) => d.id)).toContain(onEvent.id);
    expect(zoneList.items.map((d) => d.id)).not.toContain(onProject.id);
    const projectList = await listDocuments(deps(admin), 'project', 'PRJ-TL-1');
    expect(projectList.items.map((d) => d.id)).toEqual([onProject.id]);
  });

  it('is not possible outside one’s scope: another commune’s officer is told the zone does not exist', async () => {
    await expect(upload(thachThatOfficer, 'x.pdf', pdf('y'))).rejects.toMatchObject({ code: 'not_found' });
    await expect(listDocuments(deps(thachThatOfficer), 'zone', 'CCN-THUY-LAM')).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      uploadDocument(deps(thachThatOfficer), store, {
        entityType: 'lifecycle_event',
        entityRef: eventId,
        file: { name: 'x.pdf', data: pdf('y') },
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const mine = await listDocuments(deps(thachThatOfficer), 'zone', 'CCN-PHUNG-XA');
    expect(mine).toEqual({ items: [], canEdit: true });
  });
});

describe('reading and withdrawing', () => {
  it('downloads the stored bytes; a document of another commune is not found', async () => {
    const doc = await upload(dongAnhOfficer, 'doc.pdf', pdf('download me'));
    const file = await openDocumentFile(deps(dongAnhOfficer), store, doc.id);
    expect(file.sizeBytes).toBe(doc.sizeBytes);
    expect(await text(file.stream as never)).toContain('download me');
    await expect(openDocumentFile(deps(thachThatOfficer), store, doc.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(getDocument(deps(admin), 'not-a-uuid')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('withdraws a document without losing it: listed as withdrawn, file kept, audited; not twice', async () => {
    const doc = await upload(dongAnhOfficer, 'nham.pdf', pdf('wrong one'));
    const withdrawn = await withdrawDocument(deps(dongAnhOfficer), doc.id, 'Tải nhầm tệp');
    expect(withdrawn.withdrawn).toMatchObject({ reason: 'Tải nhầm tệp' });
    expect(withdrawn.withdrawn?.byName).toMatch(/^Người dùng thử/);
    const list = await listDocuments(deps(admin), 'zone', 'CCN-THUY-LAM');
    expect(list.items.find((d) => d.id === doc.id)?.withdrawn).not.toBeNull();
    // Those in force come first.
    expect(list.items.at(-1)?.withdrawn).not.toBeNull();
    expect(await text((await openDocumentFile(deps(admin), store, doc.id)).stream as never)).toContain(
      'wrong one',
    );
    await expect(withdrawDocument(deps(admin), doc.id, 'lần hai')).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(withdrawDocument(deps(thachThatOfficer), doc.id, 'x')).rejects.toMatchObject({
      code: 'not_found',
    });
    const audit = await listAudit(deps(admin), { entityType: 'zone', page: 1, pageSize: 100 });
    const row = audit.items.find((r) => r.action === 'document.withdraw');
    expect(row?.before).toMatchObject({ documentId: doc.id, withdrawnAt: null });
    expect(row?.after).toMatchObject({ documentId: doc.id, withdrawalReason: 'Tải nhầm tệp' });
  });

  it('cannot be deleted or have its file swapped, even in SQL', async () => {
    const doc = await upload(admin, 'giu.pdf', pdf('keep'));
    await expect(database.db.execute(sql`delete from document where id = ${doc.id}`)).rejects.toThrow();
    await expect(
      database.db.execute(sql`update document set sha256 = ${'0'.repeat(64)} where id = ${doc.id}`),
    ).rejects.toThrow();
    await database.db.execute(sql`update document set title = 'Giữ lại' where id = ${doc.id}`);
    expect((await getDocument(deps(admin), doc.id)).title).toBe('Giữ lại');
  });
});
