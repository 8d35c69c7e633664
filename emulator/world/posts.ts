/**
 * A page's posts (its own, and visitor posts people leave on it) and the comments people write under them, each with
 * the private reply it got (docs §15). Ids are Facebook's shapes: a post `PAGEID_POSTID`, a comment `POSTID_COMMENTID`.
 */
import type { Ids } from './ids.js'
import type { Store } from './store.js'

export interface Post {
  id: string
  pageId: string
  /** A visitor post's author; null for the page's own posts. */
  personId: string | null
  message: string
  privateReplyMid: string | null
  createdAt: number
}

export interface Comment {
  id: string
  postId: string
  pageId: string
  personId: string
  message: string
  privateReplyMid: string | null
  createdAt: number
}

interface PostDbRow {
  id: string; page_id: string; person_id: string | null; message: string; private_reply_mid: string | null
  created_at: number
}
interface CommentDbRow {
  id: string; post_id: string; page_id: string; person_id: string; message: string; private_reply_mid: string | null
  created_at: number
}

const toPost = (r: PostDbRow): Post => ({
  id: r.id, pageId: r.page_id, personId: r.person_id, message: r.message, privateReplyMid: r.private_reply_mid,
  createdAt: r.created_at,
})
const toComment = (r: CommentDbRow): Comment => ({
  id: r.id, postId: r.post_id, pageId: r.page_id, personId: r.person_id, message: r.message,
  privateReplyMid: r.private_reply_mid, createdAt: r.created_at,
})

const COMMENT_SELECT = 'SELECT c.*, p.page_id FROM post_comments c JOIN page_posts p ON p.id = c.post_id'

export class Posts {
  constructor(private readonly store: Store, private readonly now: () => number, private readonly ids: Ids) {}

  /** A post of the page, its own (`personId` null) or a visitor's; `id` and `createdAt` as a world document gives them. */
  create(input: { pageId: string; personId?: string | null; message: string; id?: string; createdAt?: number }): Post {
    const post: Post = {
      id: input.id ?? `${input.pageId}_${this.ids.page()}`, pageId: input.pageId, personId: input.personId ?? null,
      message: input.message, privateReplyMid: null, createdAt: input.createdAt ?? this.now(),
    }
    this.store.stmt(`INSERT INTO page_posts (id, page_id, person_id, message, created_at) VALUES (?, ?, ?, ?, ?)`)
      .run(post.id, post.pageId, post.personId, post.message, post.createdAt)
    return post
  }

  get(id: string): Post | undefined {
    const r = this.store.stmt('SELECT * FROM page_posts WHERE id = ?').get(id) as PostDbRow | undefined
    return r && toPost(r)
  }

  /** The page's posts, newest first (the order of a page's feed). */
  ofPage(pageId: string): Post[] {
    return (this.store.stmt('SELECT * FROM page_posts WHERE page_id = ? ORDER BY created_at DESC, rowid DESC')
      .all(pageId) as PostDbRow[]).map(toPost)
  }

  comment(input: { postId: string; personId: string; message: string }): Comment {
    const post = this.get(input.postId)!
    const id = `${post.id.split('_').pop()}_${this.ids.page()}`
    const createdAt = this.now()
    this.store.stmt('INSERT INTO post_comments (id, post_id, person_id, message, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, post.id, input.personId, input.message, createdAt)
    return { id, postId: post.id, pageId: post.pageId, personId: input.personId, message: input.message,
      privateReplyMid: null, createdAt }
  }

  getComment(id: string): Comment | undefined {
    const r = this.store.stmt(`${COMMENT_SELECT} WHERE c.id = ?`).get(id) as CommentDbRow | undefined
    return r && toComment(r)
  }

  commentsOf(postId: string): Comment[] {
    return (this.store.stmt(`${COMMENT_SELECT} WHERE c.post_id = ? ORDER BY c.rowid`).all(postId) as CommentDbRow[])
      .map(toComment)
  }

  /** Records the one private reply a comment or visitor post may get. */
  setPrivateReply(kind: 'post' | 'comment', id: string, mid: string): void {
    const table = kind === 'post' ? 'page_posts' : 'post_comments'
    this.store.stmt(`UPDATE ${table} SET private_reply_mid = ? WHERE id = ?`).run(mid, id)
  }
}
