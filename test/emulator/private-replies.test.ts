/**
 * Private replies (docs §15): a person comments on a page post, the app hears it through the `feed` webhook and
 * answers once with `recipient: {comment_id}` (or `post_id` for a visitor post) within 7 days; the reply opens a
 * thread, and only the person's answer opens the 24-hour window.
 */
import { describe, expect } from 'vitest'
import { test, receivedChange, receivedEvent, sdkSend } from './reach-world.js'
import { send } from './messaging-world.js'
import { expectGraphError } from './fixtures.js'

const reply = (to: Record<string, string>, t: string) => ({ recipient: to, message: { text: t } })
const DAY = 24 * 60 * 60

describe('a comment on a page post', () => {
  test('reaches apps subscribed to feed as a change, and answers postId and commentId', async ({ emulator, receiver, w }) => {
    const res = await emulator.client.personAction(w.sam.id, { type: 'comment', pageId: w.pageId, text: 'Price?' })
    // Without postId the comment goes under the newest post.
    expect(res).toMatchObject({ postId: w.postId, commentId: expect.stringMatching(/^\d+_\d+$/), events: [] })
    const change = await receivedChange(receiver, (c) => c.value.comment_id === res.commentId)
    expect(change).toEqual({
      field: 'feed',
      value: {
        from: { id: w.sam.id, name: 'Sam Lee' }, item: 'comment', verb: 'add', post_id: w.postId,
        comment_id: res.commentId, parent_id: w.postId, message: 'Price?', created_time: expect.any(Number),
        post: expect.objectContaining({ id: w.postId, is_published: true }),
      },
    })
    const entry = receiver.posts.flatMap((p) => p.body.entry as any[]).find((e) => e.changes)
    // A changes entry's time is in seconds, unlike messaging entries (docs §15).
    expect(entry.time).toBeLessThan(1e11)
    expect(entry.id).toBe(w.pageId)
  })

  test('refuses an unknown post with instructions', async ({ emulator, w }) => {
    await expect(emulator.client.personAction(w.sam.id, { type: 'comment', pageId: w.pageId, postId: '1_2', text: 'x' }))
      .rejects.toThrow(/No post 1_2/)
  })
})

describe('the private reply', () => {
  test("is sent once through Meta's SDK, opens the thread, and the person's answer opens the window",
    async ({ emulator, receiver, w }) => {
      const { commentId } = await emulator.client.personAction(w.sam.id, { type: 'comment', pageId: w.pageId, text: 'Hi' })
      const answer = await sdkSend(emulator, w.token, w.pageId,
        { recipient: { comment_id: commentId }, message: { text: 'Thanks, we sent you the prices' } })
      expect(answer).toMatchObject({ recipient_id: w.sam.psid, message_id: expect.stringMatching(/^m_/) })
      const thread = await emulator.client.thread(w.sam.id, w.pageId)
      expect(thread.bubbles.map((b) => [b.from, b.text])).toEqual([['page', 'Thanks, we sent you the prices']])

      expectGraphError(await send(emulator, w.token, reply({ comment_id: commentId! }, 'again')),
        { code: 100, subcode: 2018292, message: '(#100) Invalid comment_id parameter' })
      // The private reply is no conversation yet: a PSID send is outside the window until the person answers.
      expectGraphError(await send(emulator, w.token, reply({ id: w.sam.psid }, 'more')), { code: 10, subcode: 2018278 })
      await emulator.client.personAction(w.sam.id, { type: 'text', pageId: w.pageId, text: 'Great, thanks' })
      await receivedEvent(receiver, (e) => e.message?.text === 'Great, thanks' && e.sender.id === w.sam.psid)
      expect((await send(emulator, w.token, reply({ id: w.sam.psid }, 'You are welcome'))).status).toBe(200)
    })

  test('is refused after 7 days, on another page, and for an unknown comment', async ({ emulator, w }) => {
    const { commentId } = await emulator.client.personAction(w.kim.id, { type: 'comment', pageId: w.pageId, text: 'Hey' })
    expectGraphError(await send(emulator, w.otherToken, reply({ comment_id: commentId! }, 'x')), { code: 100, subcode: 2018292 })
    expectGraphError(await send(emulator, w.token, reply({ comment_id: '123_456' }, 'x')), { code: 100, subcode: 2018292 })
    await emulator.client.advanceClock(7 * DAY + 60)
    expectGraphError(await send(emulator, w.token, reply({ comment_id: commentId! }, 'late')), { code: 100, subcode: 2018292 })
    expect((await emulator.client.thread(w.kim.id, w.pageId)).bubbles).toEqual([])
  })

  test("answers a visitor post by post_id, but not the page's own post", async ({ emulator, receiver, w }) => {
    const { postId } = await emulator.client.personAction(w.kim.id,
      { type: 'comment', pageId: w.pageId, text: 'Is the shop open on Sunday?', visitorPost: true })
    const change = await receivedChange(receiver, (c) => c.value.post_id === postId)
    expect(change.value).toMatchObject({ item: 'post', verb: 'add', from: { id: w.kim.id, name: 'Kim Park' } })
    expect(change.value).not.toHaveProperty('comment_id')
    expectGraphError(await send(emulator, w.token, reply({ post_id: w.postId }, 'x')),
      { code: 100, subcode: 2018292, message: '(#100) Invalid post_id parameter' })
    const res = await send(emulator, w.token, reply({ post_id: postId! }, 'Yes, 10 to 4'))
    expect(res.body).toMatchObject({ recipient_id: w.kim.psid })
    expectGraphError(await send(emulator, w.token, reply({ post_id: postId! }, 'again')), { code: 100, subcode: 2018292 })
  })
})

describe('the world document', () => {
  test("exports the page's own posts and imports them again", async ({ emulator, w }) => {
    const page = (await emulator.client.exportWorld()).pages.find((p) => p.id === w.pageId)!
    expect(page.posts?.map((p) => p.message)).toEqual(['Spring sale!', 'New shop opening'])
    expect(page.posts?.[1]?.id).toBe(w.postId)
  })

  test("the dashboard lists the page's posts", async ({ emulator, w }) => {
    const html = await (await emulator.fetch('/dashboard/pages')).text()
    expect(html).toContain(`data-post-id="${w.postId}"`)
    expect(html).toContain('New shop opening')
  })

  test('refuses a post id of another page', async ({ emulator }) => {
    await expect(emulator.client.addWorld({ pages: [{ name: 'P', id: '42', posts: [{ id: '43_1', message: 'x' }] }] }))
      .rejects.toThrow(/post id is its page's id/)
  })
})
