#!/usr/bin/env python3
"""Regenerate the API-backed Perceval samples of this directory, offline.

NOT part of Seedbed and not run by its tests.  It needs its own virtualenv:

    python3 -m venv /tmp/percevalvenv
    /tmp/percevalvenv/bin/pip install perceval==1.6.1
    /tmp/percevalvenv/bin/python generate_samples.py [OUTPUT_DIR]

The raw API answers below (GitHub REST v3, GitLab v4, Discourse, Slack Web API,
Meetup v3, a Mailman 2 pipermail index) are hand-written: every person, id,
project and text is invented.  They are served to the *real* Perceval backends
(perceval.backends.core.github/gitlab/discourse/slack/meetup/pipermail) by
replacing requests' HTTPAdapter.send with a small in-process router, so no
network is used.  Perceval itself then builds the items exactly as in a live
run (its enrichment: user_data, comments_data, reviews_data, notes_data,
versions_data, channel_info, rsvps, ...; and its envelope: uuid, updated_on,
category, search_fields, ...).  Items are written as `perceval ... --json-line`
writes them: json.dumps(item, separators=(',', ':'), sort_keys=True).

The only thing changed in Perceval is the clock: the fetch time (`timestamp`)
is frozen at FETCH_TS so that the files are reproducible.
"""

import datetime
import io
import json
import os
import sys
import tempfile
import urllib.parse

import requests
import requests.adapters
from requests.structures import CaseInsensitiveDict

import perceval
import perceval._version
import perceval.backend
import perceval.backends.core.slack as slack_module
from perceval.backends.core.discourse import Discourse
from perceval.backends.core.github import GitHub
from perceval.backends.core.gitlab import GitLab
from perceval.backends.core.meetup import Meetup
from perceval.backends.core.pipermail import Pipermail
from perceval.backends.core.slack import Slack

HERE = os.path.dirname(os.path.abspath(__file__))
FETCH_DT = datetime.datetime(2026, 4, 1, 12, 0, 0, tzinfo=datetime.timezone.utc)
FETCH_TS = FETCH_DT.timestamp()


def _frozen_now():
    return FETCH_DT


perceval.backend.datetime_utcnow = _frozen_now
slack_module.datetime_utcnow = _frozen_now


# --------------------------------------------------------------------------
# In-process HTTP router
# --------------------------------------------------------------------------

ROUTES = {}      # (host, path) -> callable(query) -> (status, body, headers) | body
SEEN = []
UNROUTED = []


def route(url, value):
    parts = urllib.parse.urlsplit(url)
    ROUTES[(parts.netloc, parts.path.rstrip('/'))] = value


def _fake_send(self, request, **kwargs):
    parts = urllib.parse.urlsplit(request.url)
    key = (parts.netloc, urllib.parse.unquote(parts.path).rstrip('/'))
    query = dict(urllib.parse.parse_qsl(parts.query))
    SEEN.append(request.url)
    headers = {'Content-Type': 'application/json; charset=utf-8'}
    if key not in ROUTES:
        status, body = 404, b'{"message": "Not Found"}'
        UNROUTED.append(request.url)
    else:
        value = ROUTES[key]
        if callable(value):
            value = value(query)
        status = 200
        if isinstance(value, bytes):
            body = value
            headers['Content-Type'] = 'application/octet-stream'
        elif isinstance(value, str):
            body = value.encode('utf-8')
            headers['Content-Type'] = 'text/html; charset=utf-8'
        else:
            body = json.dumps(value, ensure_ascii=False, indent=2).encode('utf-8')

    resp = requests.Response()
    resp.status_code = status
    resp.reason = 'OK' if status == 200 else 'Not Found'
    resp.headers = CaseInsensitiveDict(headers)
    resp.raw = io.BytesIO(body)
    resp._content = body
    resp._content_consumed = True
    resp.encoding = 'utf-8'
    resp.url = request.url
    resp.request = request
    resp.connection = self
    return resp


requests.adapters.HTTPAdapter.send = _fake_send


def dump(items, path):
    with open(path, 'w', encoding='utf-8', newline='\n') as fd:
        for item in items:
            fd.write(json.dumps(item, separators=(',', ':'), sort_keys=True))
            fd.write('\n')
    print('wrote %-22s %d items' % (os.path.basename(path), len(items)))


# --------------------------------------------------------------------------
# GitHub: marigold-dev/marigold
# --------------------------------------------------------------------------

GH_API = 'https://api.github.com'
GH_REPO = GH_API + '/repos/marigold-dev/marigold'
GH_WEB = 'https://github.com/marigold-dev/marigold'

GH_PEOPLE = {
    # login: (id, node_id, type, full profile fields)
    'amara-o': (41000001, 'MDQ6VXNlcjQxMDAwMDAx', 'User', {
        'name': 'Amara Okafor', 'company': None, 'blog': 'https://amara.example.org',
        'location': 'Lisboa, Portugal', 'email': 'amara.okafor@example.org',
        'bio': 'Gardener, occasional Python person.', 'twitter_username': None,
        'public_repos': 14, 'public_gists': 2, 'followers': 31, 'following': 12,
        'created_at': '2018-05-14T10:22:31Z', 'updated_at': '2026-02-27T08:00:00Z'}),
    'jane-doe': (41000002, 'MDQ6VXNlcjQxMDAwMDAy', 'User', {
        'name': 'Jane Doe', 'company': '@marigold-dev', 'blog': '',
        'location': 'Leeds, UK', 'email': 'jane.doe@example.org',
        'bio': 'Maintainer of Marigold.', 'twitter_username': None,
        'public_repos': 40, 'public_gists': 9, 'followers': 120, 'following': 3,
        'created_at': '2012-09-01T18:00:00Z', 'updated_at': '2026-03-10T09:00:00Z'}),
    'toliveira': (41000003, 'MDQ6VXNlcjQxMDAwMDAz', 'User', {
        'name': 'Tomás Oliveira', 'company': None, 'blog': '',
        'location': 'São Paulo', 'email': None,
        'bio': None, 'twitter_username': None,
        'public_repos': 22, 'public_gists': 0, 'followers': 18, 'following': 40,
        'created_at': '2015-03-03T03:03:03Z', 'updated_at': '2026-03-06T21:10:00Z'}),
    'kmori': (41000004, 'MDQ6VXNlcjQxMDAwMDA0', 'User', {
        'name': '森 健二 (Kenji Mori)', 'company': None, 'blog': '',
        'location': '京都市', 'email': 'kenji.mori@example.jp',
        'bio': 'Seeds and static typing.', 'twitter_username': None,
        'public_repos': 7, 'public_gists': 1, 'followers': 5, 'following': 5,
        'created_at': '2019-11-20T00:00:00Z', 'updated_at': '2026-02-25T23:30:00Z'}),
    'renee-d': (41000005, 'MDQ6VXNlcjQxMDAwMDA1', 'User', {
        'name': 'Renée Dubois', 'company': 'Jardins Partagés', 'blog': '',
        'location': 'Montréal, QC', 'email': None,
        'bio': None, 'twitter_username': None,
        'public_repos': 3, 'public_gists': 0, 'followers': 2, 'following': 1,
        'created_at': '2021-04-01T12:00:00Z', 'updated_at': '2026-02-24T18:00:00Z'}),
    'dependabot[bot]': (49699333, 'MDM6Qm90NDk2OTkzMzM=', 'Bot', {
        'name': None, 'company': None, 'blog': '', 'location': None, 'email': None,
        'bio': None, 'twitter_username': None,
        'public_repos': 0, 'public_gists': 0, 'followers': 0, 'following': 0,
        'created_at': '2019-04-16T22:34:25Z', 'updated_at': '2019-04-16T22:34:25Z'}),
    'github-actions[bot]': (41898282, 'MDM6Qm90NDE4OTgyODI=', 'Bot', {
        'name': None, 'company': None, 'blog': '', 'location': None, 'email': None,
        'bio': None, 'twitter_username': None,
        'public_repos': 0, 'public_gists': 0, 'followers': 0, 'following': 0,
        'created_at': '2018-07-30T09:30:16Z', 'updated_at': '2018-07-30T09:30:16Z'}),
    'ghost': (10137, 'MDQ6VXNlcjEwMTM3', 'User', {
        'name': 'Deleted user', 'company': None, 'blog': '', 'location': 'Nothing to see here, move along.',
        'email': None, 'bio': 'Hi, I\'m @ghost! I take the place of user accounts that have been deleted.\n:ghost:\n',
        'twitter_username': None,
        'public_repos': 0, 'public_gists': 0, 'followers': 0, 'following': 0,
        'created_at': '2008-05-13T06:14:25Z', 'updated_at': '2018-04-10T17:22:33Z'}),
}

GH_ORG = {
    'login': 'marigold-dev', 'id': 160000001, 'node_id': 'O_kgDOCYjMAQ',
    'url': GH_API + '/orgs/marigold-dev', 'repos_url': GH_API + '/orgs/marigold-dev/repos',
    'events_url': GH_API + '/orgs/marigold-dev/events', 'hooks_url': GH_API + '/orgs/marigold-dev/hooks',
    'issues_url': GH_API + '/orgs/marigold-dev/issues',
    'members_url': GH_API + '/orgs/marigold-dev/members{/member}',
    'public_members_url': GH_API + '/orgs/marigold-dev/public_members{/member}',
    'avatar_url': 'https://avatars.githubusercontent.com/u/160000001?v=4',
    'description': 'Seed-library software for community gardens',
}
GH_ORGS_OF = {'jane-doe': [GH_ORG], 'amara-o': [GH_ORG]}


def gh_user(login):
    uid, node, utype, _ = GH_PEOPLE[login]
    if utype == 'Bot':
        app = {'dependabot[bot]': 'dependabot', 'github-actions[bot]': 'github-actions'}[login]
        avatar = 'https://avatars.githubusercontent.com/in/%d?v=4' % {'dependabot': 29110, 'github-actions': 15368}[app]
        html = 'https://github.com/apps/' + app
    else:
        avatar = 'https://avatars.githubusercontent.com/u/%d?v=4' % uid
        html = 'https://github.com/' + login
    u = GH_API + '/users/' + login
    return {
        'login': login, 'id': uid, 'node_id': node, 'avatar_url': avatar, 'gravatar_id': '',
        'url': u, 'html_url': html,
        'followers_url': u + '/followers', 'following_url': u + '/following{/other_user}',
        'gists_url': u + '/gists{/gist_id}', 'starred_url': u + '/starred{/owner}{/repo}',
        'subscriptions_url': u + '/subscriptions', 'organizations_url': u + '/orgs',
        'repos_url': u + '/repos', 'events_url': u + '/events{/privacy}',
        'received_events_url': u + '/received_events', 'type': utype,
        'user_view_type': 'public', 'site_admin': False,
    }


def gh_user_full(login):
    full = gh_user(login)
    full.update(GH_PEOPLE[login][3])
    full['hireable'] = None
    return full


for _login in GH_PEOPLE:
    route(GH_API + '/users/' + _login, gh_user_full(_login))
    route(GH_API + '/users/' + _login + '/orgs', GH_ORGS_OF.get(_login, []))


def gh_reactions_summary(url, **counts):
    summary = {'url': url, 'total_count': sum(counts.values())}
    for k in ['+1', '-1', 'laugh', 'hooray', 'confused', 'heart', 'rocket', 'eyes']:
        summary[k] = counts.get(k.replace('+1', 'plus1').replace('-1', 'minus1'), 0)
    return summary


def gh_reaction(rid, login, content, created_at):
    return {'id': rid, 'node_id': 'REA_lADOLmRg0s%d' % rid, 'user': gh_user(login),
            'content': content, 'created_at': created_at}


GH_LABELS = {
    'bug': {'id': 6500000001, 'node_id': 'LA_kwDOLmRg0s8AAAABg1', 'url': GH_REPO + '/labels/bug',
            'name': 'bug', 'color': 'd73a4a', 'default': True, 'description': "Something isn't working"},
    'enhancement': {'id': 6500000002, 'node_id': 'LA_kwDOLmRg0s8AAAABg2', 'url': GH_REPO + '/labels/enhancement',
                    'name': 'enhancement', 'color': 'a2eeef', 'default': True,
                    'description': 'New feature or request'},
    'documentation': {'id': 6500000003, 'node_id': 'LA_kwDOLmRg0s8AAAABg3',
                      'url': GH_REPO + '/labels/documentation', 'name': 'documentation', 'color': '0075ca',
                      'default': True, 'description': 'Improvements or additions to documentation'},
    'dependencies': {'id': 6500000004, 'node_id': 'LA_kwDOLmRg0s8AAAABg4',
                     'url': GH_REPO + '/labels/dependencies', 'name': 'dependencies', 'color': '0366d6',
                     'default': False, 'description': 'Pull requests that update a dependency file'},
    'stale': {'id': 6500000005, 'node_id': 'LA_kwDOLmRg0s8AAAABg5', 'url': GH_REPO + '/labels/stale',
              'name': 'stale', 'color': 'ededed', 'default': False, 'description': ''},
}


def gh_issue(number, iid, node, login, title, body, state, created, updated, closed,
             comments, labels=(), assignees=(), reactions=None, pr=False, merged_at=None,
             state_reason=None, author_association='CONTRIBUTOR', draft=None):
    url = GH_REPO + '/issues/%d' % number
    issue = {
        'url': url, 'repository_url': GH_REPO, 'labels_url': url + '/labels{/name}',
        'comments_url': url + '/comments', 'events_url': url + '/events',
        'html_url': GH_WEB + ('/pull/%d' if pr else '/issues/%d') % number,
        'id': iid, 'node_id': node, 'number': number, 'title': title,
        'user': gh_user(login), 'labels': [GH_LABELS[lb] for lb in labels],
        'state': state, 'locked': False,
        'assignee': gh_user(assignees[0]) if assignees else None,
        'assignees': [gh_user(a) for a in assignees], 'milestone': None,
        'comments': comments, 'created_at': created, 'updated_at': updated, 'closed_at': closed,
        'author_association': author_association, 'type': None, 'active_lock_reason': None,
        'sub_issues_summary': {'total': 0, 'completed': 0, 'percent_completed': 0},
        'body': body, 'closed_by': None,
        'reactions': reactions or gh_reactions_summary(url + '/reactions'),
        'timeline_url': url + '/timeline', 'performed_via_github_app': None,
        'state_reason': state_reason,
    }
    if pr:
        issue['draft'] = draft
        issue['pull_request'] = {
            'url': GH_REPO + '/pulls/%d' % number, 'html_url': GH_WEB + '/pull/%d' % number,
            'diff_url': GH_WEB + '/pull/%d.diff' % number, 'patch_url': GH_WEB + '/pull/%d.patch' % number,
            'merged_at': merged_at,
        }
        del issue['sub_issues_summary']
        del issue['type']
    return issue


def gh_comment(cid, number, login, body, created, updated=None, reactions=None,
               author_association='CONTRIBUTOR', app=None):
    url = GH_REPO + '/issues/comments/%d' % cid
    return {
        'url': url, 'html_url': GH_WEB + '/issues/%d#issuecomment-%d' % (number, cid),
        'issue_url': GH_REPO + '/issues/%d' % number, 'id': cid, 'node_id': 'IC_kwDOLmRg0s6%d' % cid,
        'user': gh_user(login), 'created_at': created, 'updated_at': updated or created,
        'author_association': author_association, 'body': body,
        'reactions': reactions or gh_reactions_summary(url + '/reactions'),
        'performed_via_github_app': app,
    }


GH_APP_ACTIONS = {
    'id': 15368, 'client_id': 'Iv1.05c79e9ad1f6bdfa', 'slug': 'github-actions', 'node_id': 'MDM6QXBwMTUzNjg=',
    'owner': {'login': 'github', 'id': 9919, 'node_id': 'MDEyOk9yZ2FuaXphdGlvbjk5MTk=', 'type': 'Organization',
              'url': GH_API + '/users/github', 'html_url': 'https://github.com/github', 'site_admin': False},
    'name': 'GitHub Actions', 'description': 'Automate your workflow from idea to production',
    'external_url': 'https://help.github.com/en/actions', 'html_url': 'https://github.com/apps/github-actions',
    'created_at': '2018-07-30T09:30:17Z', 'updated_at': '2024-04-10T20:33:16Z',
    'permissions': {'issues': 'write', 'metadata': 'read', 'pull_requests': 'write'}, 'events': [],
}


def gh_repo_obj(owner_login, owner_obj, name, rid, node, fork=False, description=None):
    full = '%s/%s' % (owner_login, name)
    api = GH_API + '/repos/' + full
    return {
        'id': rid, 'node_id': node, 'name': name, 'full_name': full, 'private': False,
        'owner': owner_obj, 'html_url': 'https://github.com/' + full, 'description': description,
        'fork': fork, 'url': api, 'forks_url': api + '/forks', 'keys_url': api + '/keys{/key_id}',
        'issues_url': api + '/issues{/number}', 'pulls_url': api + '/pulls{/number}',
        'commits_url': api + '/commits{/sha}', 'git_url': 'git://github.com/%s.git' % full,
        'ssh_url': 'git@github.com:%s.git' % full, 'clone_url': 'https://github.com/%s.git' % full,
        'homepage': None, 'size': 48, 'stargazers_count': 0 if fork else 57, 'watchers_count': 0 if fork else 57,
        'language': 'Python', 'has_issues': not fork, 'has_projects': True, 'has_downloads': True,
        'has_wiki': False, 'has_pages': False, 'has_discussions': False, 'forks_count': 0 if fork else 9,
        'archived': False, 'disabled': False, 'open_issues_count': 0 if fork else 2,
        'license': {'key': 'agpl-3.0', 'name': 'GNU Affero General Public License v3.0', 'spdx_id': 'AGPL-3.0',
                    'url': GH_API + '/licenses/agpl-3.0', 'node_id': 'MDc6TGljZW5zZTE='},
        'allow_forking': True, 'is_template': False, 'web_commit_signoff_required': False,
        'topics': [] if fork else ['community-gardens', 'seeds'], 'visibility': 'public',
        'forks': 0 if fork else 9, 'open_issues': 0 if fork else 2, 'watchers': 0 if fork else 57,
        'default_branch': 'main',
        'created_at': '2026-02-23T08:00:00Z' if not fork else '2026-02-25T09:00:00Z',
        'updated_at': '2026-03-10T09:00:01Z', 'pushed_at': '2026-03-09T08:01:00Z',
    }


GH_ORG_OWNER = {
    'login': 'marigold-dev', 'id': 160000001, 'node_id': 'O_kgDOCYjMAQ',
    'avatar_url': 'https://avatars.githubusercontent.com/u/160000001?v=4', 'gravatar_id': '',
    'url': GH_API + '/users/marigold-dev', 'html_url': 'https://github.com/marigold-dev',
    'type': 'Organization', 'user_view_type': 'public', 'site_admin': False,
}
GH_BASE_REPO = gh_repo_obj('marigold-dev', GH_ORG_OWNER, 'marigold', 770000001, 'R_kgDOLmRg0g',
                           description='Seed-library catalogue for community gardens')


def gh_pull(number, pid, node, login, title, body, state, created, updated, closed, merged_at,
            head_ref, head_sha, base_sha, merge_commit_sha, merged_by, comments, review_comments,
            commits, additions, deletions, changed_files, requested=(), labels=(),
            head_repo=None, draft=False, author_association='CONTRIBUTOR', mergeable_state='unknown'):
    url = GH_REPO + '/pulls/%d' % number
    head_repo = head_repo or GH_BASE_REPO
    head_owner = head_repo['owner']['login']
    return {
        'url': url, 'id': pid, 'node_id': node, 'html_url': GH_WEB + '/pull/%d' % number,
        'diff_url': GH_WEB + '/pull/%d.diff' % number, 'patch_url': GH_WEB + '/pull/%d.patch' % number,
        'issue_url': GH_REPO + '/issues/%d' % number, 'number': number, 'state': state,
        'locked': False, 'title': title, 'user': gh_user(login), 'body': body,
        'created_at': created, 'updated_at': updated, 'closed_at': closed, 'merged_at': merged_at,
        'merge_commit_sha': merge_commit_sha, 'assignee': None, 'assignees': [],
        'requested_reviewers': [gh_user(r) for r in requested], 'requested_teams': [],
        'labels': [GH_LABELS[lb] for lb in labels], 'milestone': None, 'draft': draft,
        'commits_url': url + '/commits', 'review_comments_url': url + '/comments',
        'review_comment_url': GH_REPO + '/pulls/comments{/number}',
        'comments_url': GH_REPO + '/issues/%d/comments' % number,
        'statuses_url': GH_REPO + '/statuses/' + head_sha,
        'head': {'label': '%s:%s' % (head_owner, head_ref), 'ref': head_ref, 'sha': head_sha,
                 'user': head_repo['owner'], 'repo': head_repo},
        'base': {'label': 'marigold-dev:main', 'ref': 'main', 'sha': base_sha,
                 'user': GH_ORG_OWNER, 'repo': GH_BASE_REPO},
        '_links': {
            'self': {'href': url}, 'html': {'href': GH_WEB + '/pull/%d' % number},
            'issue': {'href': GH_REPO + '/issues/%d' % number},
            'comments': {'href': GH_REPO + '/issues/%d/comments' % number},
            'review_comments': {'href': url + '/comments'},
            'review_comment': {'href': GH_REPO + '/pulls/comments{/number}'},
            'commits': {'href': url + '/commits'},
            'statuses': {'href': GH_REPO + '/statuses/' + head_sha},
        },
        'author_association': author_association, 'auto_merge': None, 'active_lock_reason': None,
        'merged': merged_at is not None, 'mergeable': None if state == 'closed' else True,
        'rebaseable': None if state == 'closed' else True, 'mergeable_state': mergeable_state,
        'merged_by': gh_user(merged_by) if merged_by else None,
        'comments': comments, 'review_comments': review_comments, 'maintainer_can_modify': False,
        'commits': commits, 'additions': additions, 'deletions': deletions, 'changed_files': changed_files,
    }


def gh_review(rid, number, login, state, body, submitted, commit_id, author_association='MEMBER'):
    html = GH_WEB + '/pull/%d#pullrequestreview-%d' % (number, rid)
    return {
        'id': rid, 'node_id': 'PRR_kwDOLmRg0s6%d' % rid, 'user': gh_user(login), 'body': body,
        'state': state, 'html_url': html, 'pull_request_url': GH_REPO + '/pulls/%d' % number,
        'author_association': author_association,
        '_links': {'html': {'href': html}, 'pull_request': {'href': GH_REPO + '/pulls/%d' % number}},
        'submitted_at': submitted, 'commit_id': commit_id,
    }


def gh_review_comment(cid, number, review_id, login, path, line, diff_hunk, body, created, commit_id,
                      in_reply_to=None, reactions=None, author_association='MEMBER'):
    url = GH_REPO + '/pulls/comments/%d' % cid
    c = {
        'url': url, 'pull_request_review_id': review_id, 'id': cid,
        'node_id': 'PRRC_kwDOLmRg0s6%d' % cid, 'diff_hunk': diff_hunk, 'path': path,
        'commit_id': commit_id, 'original_commit_id': commit_id, 'user': gh_user(login), 'body': body,
        'created_at': created, 'updated_at': created,
        'html_url': GH_WEB + '/pull/%d#discussion_r%d' % (number, cid),
        'pull_request_url': GH_REPO + '/pulls/%d' % number, 'author_association': author_association,
        '_links': {'self': {'href': url}, 'html': {'href': GH_WEB + '/pull/%d#discussion_r%d' % (number, cid)},
                   'pull_request': {'href': GH_REPO + '/pulls/%d' % number}},
        'reactions': reactions or gh_reactions_summary(url + '/reactions'),
        'start_line': None, 'original_start_line': None, 'start_side': None,
        'line': line, 'original_line': line, 'side': 'RIGHT', 'original_position': line,
        'position': line, 'subject_type': 'line',
    }
    if in_reply_to:
        c['in_reply_to_id'] = in_reply_to
    return c


def gh_commit_obj(sha, message, author_name, author_email, date, login):
    return {
        'sha': sha, 'node_id': 'C_kwDOLmRg0toAKD' + sha[:16],
        'commit': {'author': {'name': author_name, 'email': author_email, 'date': date},
                   'committer': {'name': author_name, 'email': author_email, 'date': date},
                   'message': message, 'tree': {'sha': '0' * 40, 'url': GH_REPO + '/git/trees/' + '0' * 40},
                   'url': GH_REPO + '/git/commits/' + sha, 'comment_count': 0,
                   'verification': {'verified': False, 'reason': 'unsigned', 'signature': None,
                                    'payload': None, 'verified_at': None}},
        'url': GH_REPO + '/commits/' + sha, 'html_url': GH_WEB + '/commit/' + sha,
        'comments_url': GH_REPO + '/commits/%s/comments' % sha,
        'author': gh_user(login), 'committer': gh_user(login), 'parents': [],
    }


# Commits of the git sample repository (make_repo.sh)
SHA_PARSER = '1df71cb0c8b9b94e720ece0057c0e622509e3184'
SHA_FIX = 'dc71a5d388eabf3e9c3cbce71e292c060f790ff2'
SHA_GUIDE = 'f3529128d44744cfabc3aea8eaf2834193291f0b'
SHA_MERGE12 = '913f5844470b43909928a4baca02d62b8ad53174'
SHA_RENAME = 'f6a380310a9a1242ad88075bd817f7648609f804'
# Invented commits that are NOT in the sample repository
SHA_PR14 = '3b5e0c2f9d41a7e86c1f0b2d4e6a8c0f1e3d5b71'
SHA_PR15A = '7c9e1a3b5d7f9e1c3a5b7d9f1e3c5a7b9d1f3e51'
SHA_PR15B = '8d0f2b4c6e8a0c2e4b6d8f0a2c4e6b8d0f2a4c62'
SHA_PR17 = '4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a93'
SHA_MERGE17 = '9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e04'

FORK_OWNER = gh_user('amara-o')
FORK_OWNER = {k: FORK_OWNER[k] for k in ['login', 'id', 'node_id', 'avatar_url', 'gravatar_id', 'url',
                                         'html_url', 'type', 'user_view_type', 'site_admin']}
AMARA_FORK = gh_repo_obj('amara-o', FORK_OWNER, 'marigold', 770000042, 'R_kgDOLmRgKg', fork=True,
                         description='Seed-library catalogue for community gardens')

# ---- issue list (GET /repos/marigold-dev/marigold/issues?state=all&sort=updated&direction=asc)
I7 = gh_issue(
    7, 2900000007, 'I_kwDOLmRg0s6rT0007', 'renee-d',
    'Catalogue parser rejects "½ packet" quantities',
    "Quand je saisis « ½ » sachet dans le catalogue, l'import échoue :\n\n"
    "```\nValueError: invalid literal for int() with base 10: '½'\n```\n\n"
    "Les graines de capucine sont souvent partagées en demi-sachets.",
    'closed', '2026-02-20T08:30:00Z', '2026-02-24T18:00:00Z', '2026-02-24T17:40:00Z', 2,
    labels=['bug'], assignees=['toliveira'], state_reason='completed', author_association='NONE',
    reactions=gh_reactions_summary(GH_REPO + '/issues/7/reactions', plus1=1, heart=1))
I12 = gh_issue(
    12, 2900000012, 'PR_kwDOLmRg0s5rSxAB', 'amara-o', 'docs: add contributor guide',
    'Adds `docs/contributing.md` with the three rules we agreed on in #7 and on the list.\n\n'
    'Closes nothing, but makes onboarding at the seed swap easier. 🌱',
    'closed', '2026-02-25T09:20:00Z', '2026-02-26T10:00:31Z', '2026-02-26T10:00:00Z', 1,
    labels=['documentation'], pr=True, merged_at='2026-02-26T10:00:00Z', draft=False,
    reactions=gh_reactions_summary(GH_REPO + '/issues/12/reactions', hooray=1))
I15 = gh_issue(
    15, 2900000015, 'PR_kwDOLmRg0s5rSxAD', 'toliveira',
    'docs: tradução do guia de contribuição (pt-BR)',
    'Tradução do `docs/contributing.md` para português do Brasil.\n\nRevisão bem-vinda!',
    'open', '2026-03-05T20:00:00Z', '2026-03-07T08:00:10Z', None, 0,
    labels=['documentation'], pr=True, draft=False)
I14 = gh_issue(
    14, 2900000014, 'PR_kwDOLmRg0s5rSxAC', 'dependabot[bot]', 'Bump pytest from 8.0.2 to 8.1.1',
    'Bumps [pytest](https://github.com/pytest-dev/pytest) from 8.0.2 to 8.1.1.\n'
    '<details>\n<summary>Commits</summary>\n\n- See full diff in compare view\n</details>\n\n'
    'Dependabot will resolve any conflicts with this PR as long as you don\'t alter it yourself.',
    'closed', '2026-03-02T05:00:00Z', '2026-03-09T05:01:02Z', '2026-03-09T05:01:00Z', 1,
    labels=['dependencies'], pr=True, draft=False, author_association='CONTRIBUTOR')
I17 = gh_issue(
    17, 2900000017, 'PR_kwDOLmRg0s5rSxAE', 'dependabot[bot]', 'Bump pytest from 8.0.2 to 8.2.0',
    'Bumps [pytest](https://github.com/pytest-dev/pytest) from 8.0.2 to 8.2.0.\n\n'
    'Dependabot will resolve any conflicts with this PR as long as you don\'t alter it yourself.',
    'closed', '2026-03-09T05:00:30Z', '2026-03-09T08:01:02Z', '2026-03-09T08:01:00Z', 0,
    labels=['dependencies'], pr=True, merged_at='2026-03-09T08:01:00Z', draft=False)
I16 = gh_issue(
    16, 2900000016, 'I_kwDOLmRg0s6rT0016', 'jane-doe', 'Bring printed catalogues to the Lisbon seed swap',
    'We need ~30 printed catalogues for the seed swap on 28 March (see the meetup page).',
    'closed', '2026-03-08T10:00:00Z', '2026-03-10T09:00:01Z', '2026-03-10T09:00:00Z', 1,
    assignees=['jane-doe'], state_reason='completed', author_association='MEMBER')
I9 = gh_issue(
    9, 2900000009, 'I_kwDOLmRg0s6rT0009', 'kmori', 'カタログをCSVで書き出したい (export catalogue as CSV)',
    'スプレッドシートで在庫を管理しているので、CSV 形式での書き出しがあると助かります。\n\n'
    '(We keep the stock in a spreadsheet; a CSV export would help.)',
    'open', '2026-02-22T03:15:00Z', '2026-03-24T00:00:05Z', None, 2,
    labels=['enhancement', 'stale'], author_association='NONE')
GH_ISSUE_LIST = [I7, I12, I15, I14, I17, I16, I9]
route(GH_REPO + '/issues', GH_ISSUE_LIST)

# ---- issue comments and reactions
C7a = gh_comment(3700000001, 7, 'toliveira',
                 'Confirmed: `parse_line` calls `int()` on the quantity. I will accept fractions.',
                 '2026-02-20T11:02:00Z', author_association='MEMBER',
                 reactions=gh_reactions_summary(GH_REPO + '/issues/comments/3700000001/reactions', plus1=1))
C7b = gh_comment(3700000002, 7, 'renee-d', 'Merci beaucoup, ça marche maintenant ! 🎉',
                 '2026-02-24T18:00:00Z', author_association='NONE')
route(GH_REPO + '/issues/7/comments', [C7a, C7b])
route(GH_REPO + '/issues/7/reactions', [
    gh_reaction(280000001, 'jane-doe', '+1', '2026-02-20T09:00:00Z'),
    gh_reaction(280000002, 'kmori', 'heart', '2026-02-21T01:00:00Z')])
route(GH_REPO + '/issues/comments/3700000001/reactions', [
    gh_reaction(280000003, 'renee-d', '+1', '2026-02-20T12:00:00Z')])
route(GH_REPO + '/issues/12/comments', [
    gh_comment(3700000003, 12, 'jane-doe', 'Thanks Amara! Merged. 🎉', '2026-02-26T10:00:30Z',
               author_association='MEMBER')])
route(GH_REPO + '/issues/12/reactions', [
    gh_reaction(280000004, 'toliveira', 'hooray', '2026-02-26T11:30:00Z')])
route(GH_REPO + '/issues/14/comments', [
    gh_comment(3700000004, 14, 'dependabot[bot]',
               'Superseded by #17.', '2026-03-09T05:01:00Z')])
route(GH_REPO + '/issues/16/comments', [
    gh_comment(3700000005, 16, 'ghost', 'I can print them at the library.', '2026-03-08T12:00:00Z',
               author_association='NONE')])
route(GH_REPO + '/issues/9/comments', [
    gh_comment(3700000006, 9, 'amara-o', 'Good idea. Would a `marigold export --csv` command work for you?',
               '2026-02-22T10:00:00Z', author_association='CONTRIBUTOR'),
    gh_comment(3700000007, 9, 'github-actions[bot]',
               'This issue has been automatically marked as stale because it has not had recent activity. '
               'It will be closed if no further activity occurs.',
               '2026-03-24T00:00:05Z', author_association='NONE', app=GH_APP_ACTIONS)])

# ---- pull requests (GET /repos/marigold-dev/marigold/pulls/N)
P12 = gh_pull(
    12, 1800000001, 'PR_kwDOLmRg0s5rSxAB', 'amara-o', I12['title'], I12['body'], 'closed',
    '2026-02-25T09:20:00Z', '2026-02-26T10:00:31Z', '2026-02-26T10:00:00Z', '2026-02-26T10:00:00Z',
    'contributor-guide', SHA_GUIDE, SHA_FIX, SHA_MERGE12, 'jane-doe', comments=1, review_comments=1,
    commits=1, additions=5, deletions=0, changed_files=1, requested=['renee-d'], labels=['documentation'],
    head_repo=AMARA_FORK)
P15 = gh_pull(
    15, 1800000003, 'PR_kwDOLmRg0s5rSxAD', 'toliveira', I15['title'], I15['body'], 'open',
    '2026-03-05T20:00:00Z', '2026-03-07T08:00:10Z', None, None,
    'docs-pt-br', SHA_PR15B, SHA_RENAME, '0f1e2d3c4b5a69788796a5b4c3d2e1f001234567', None,
    comments=0, review_comments=2, commits=2, additions=6, deletions=0, changed_files=1,
    requested=['jane-doe'], labels=['documentation'], author_association='MEMBER', mergeable_state='blocked')
P14 = gh_pull(
    14, 1800000002, 'PR_kwDOLmRg0s5rSxAC', 'dependabot[bot]', I14['title'], I14['body'], 'closed',
    '2026-03-02T05:00:00Z', '2026-03-09T05:01:02Z', '2026-03-09T05:01:00Z', None,
    'dependabot/pip/pytest-8.1.1', SHA_PR14, SHA_RENAME, '6b7a8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f7', None,
    comments=1, review_comments=0, commits=1, additions=1, deletions=1, changed_files=1,
    labels=['dependencies'])
P17 = gh_pull(
    17, 1800000004, 'PR_kwDOLmRg0s5rSxAE', 'dependabot[bot]', I17['title'], I17['body'], 'closed',
    '2026-03-09T05:00:30Z', '2026-03-09T08:01:02Z', '2026-03-09T08:01:00Z', '2026-03-09T08:01:00Z',
    'dependabot/pip/pytest-8.2.0', SHA_PR17, SHA_RENAME, SHA_MERGE17, 'jane-doe',
    comments=0, review_comments=0, commits=1, additions=1, deletions=1, changed_files=1,
    labels=['dependencies'])
for _p in (P12, P15, P14, P17):
    route(GH_REPO + '/pulls/%d' % _p['number'], _p)

# reviews
route(GH_REPO + '/pulls/12/reviews', [
    gh_review(2600000001, 12, 'toliveira', 'COMMENTED', '', '2026-02-25T13:05:00Z', SHA_GUIDE),
    gh_review(2600000002, 12, 'kmori', 'APPROVED', 'LGTM 👍 わかりやすいです。', '2026-02-25T23:30:00Z',
              SHA_GUIDE, author_association='CONTRIBUTOR'),
    gh_review(2600000003, 12, 'jane-doe', 'APPROVED', 'Thanks!', '2026-02-26T09:50:00Z', SHA_GUIDE),
])
route(GH_REPO + '/pulls/15/reviews', [
    gh_review(2600000004, 15, 'jane-doe', 'CHANGES_REQUESTED',
              'Obrigada! One wording issue, see inline.', '2026-03-06T09:00:00Z', SHA_PR15A),
    gh_review(2600000005, 15, 'toliveira', 'COMMENTED', '', '2026-03-06T21:10:00Z', SHA_PR15B),
    gh_review(2600000006, 15, 'amara-o', 'APPROVED', '', '2026-03-07T08:00:00Z', SHA_PR15B,
              author_association='CONTRIBUTOR'),
])
route(GH_REPO + '/pulls/14/reviews', [])
route(GH_REPO + '/pulls/17/reviews', [
    gh_review(2600000007, 17, 'jane-doe', 'APPROVED', '', '2026-03-09T08:00:00Z', SHA_PR17),
])
# review comments (+ their reactions)
route(GH_REPO + '/pulls/12/comments', [
    gh_review_comment(1950000001, 12, 2600000001, 'toliveira', 'docs/contributing.md', 4,
                      '@@ -0,0 +1,5 @@\n+# Contributing to Marigold\n+\n+1. Open an issue first for anything '
                      'larger than a typo.\n+2. Run `pytest tests/` before you push.',
                      'Maybe `python -m pytest`? It also works when pytest is not on PATH.',
                      '2026-02-25T13:05:00Z', SHA_GUIDE,
                      reactions=gh_reactions_summary(GH_REPO + '/pulls/comments/1950000001/reactions',
                                                     plus1=1)),
])
route(GH_REPO + '/pulls/comments/1950000001/reactions', [
    gh_reaction(280000005, 'amara-o', '+1', '2026-02-25T14:00:00Z')])
route(GH_REPO + '/pulls/15/comments', [
    gh_review_comment(1950000002, 15, 2600000004, 'jane-doe', 'docs/contribuindo.md', 3,
                      '@@ -0,0 +1,5 @@\n+# Contribuindo com o Marigold\n+\n+1. Abra uma issue antes',
                      '"Abra uma issue" → "Abra um chamado"? Either is fine, just be consistent.',
                      '2026-03-06T09:00:00Z', SHA_PR15A),
    gh_review_comment(1950000003, 15, 2600000005, 'toliveira', 'docs/contribuindo.md', 3,
                      '@@ -0,0 +1,5 @@\n+# Contribuindo com o Marigold\n+\n+1. Abra uma issue antes',
                      'Feito — usei "issue" em todo o texto.', '2026-03-06T21:10:00Z', SHA_PR15B,
                      in_reply_to=1950000002),
])
# requested reviewers
route(GH_REPO + '/pulls/12/requested_reviewers', {'users': [gh_user('renee-d')], 'teams': []})
route(GH_REPO + '/pulls/15/requested_reviewers', {'users': [gh_user('jane-doe')], 'teams': []})
# commits
route(GH_REPO + '/pulls/12/commits', [
    gh_commit_obj(SHA_GUIDE, 'docs: add contributor guide', 'Amara Okafor', 'amara.okafor@example.org',
                  '2026-02-25T09:15:00Z', 'amara-o')])
route(GH_REPO + '/pulls/15/commits', [
    gh_commit_obj(SHA_PR15A, 'docs: tradução inicial do guia', 'Tomás Oliveira', 'tomas@example.net',
                  '2026-03-05T19:50:00Z', 'toliveira'),
    gh_commit_obj(SHA_PR15B, 'docs: usar "issue" de forma consistente', 'Tomás Oliveira', 'tomas@example.net',
                  '2026-03-06T21:05:00Z', 'toliveira')])
route(GH_REPO + '/pulls/14/commits', [
    gh_commit_obj(SHA_PR14, 'Bump pytest from 8.0.2 to 8.1.1', 'dependabot[bot]',
                  '49699333+dependabot[bot]@users.noreply.github.com', '2026-03-02T04:59:50Z',
                  'dependabot[bot]')])
route(GH_REPO + '/pulls/17/commits', [
    gh_commit_obj(SHA_PR17, 'Bump pytest from 8.0.2 to 8.2.0', 'dependabot[bot]',
                  '49699333+dependabot[bot]@users.noreply.github.com', '2026-03-09T05:00:20Z',
                  'dependabot[bot]')])


def run_github(outdir):
    gh = GitHub(owner='marigold-dev', repository='marigold', api_token=[], sleep_time=0)
    issues = list(gh.fetch(category='issue'))
    gh = GitHub(owner='marigold-dev', repository='marigold', api_token=[], sleep_time=0)
    pulls = list(gh.fetch(category='pull_request'))
    dump(issues, os.path.join(outdir, 'github-issues.jsonl'))
    dump(pulls, os.path.join(outdir, 'github-pulls.jsonl'))


# --------------------------------------------------------------------------
# GitLab: gitlab.com/marigold-dev/marigold
# --------------------------------------------------------------------------

GL_API = 'https://gitlab.com/api/v4'
GL_PROJ = GL_API + '/projects/marigold-dev/marigold'      # the client asks for marigold-dev%2Fmarigold
GL_WEB = 'https://gitlab.com/marigold-dev/marigold'
GL_PROJECT_ID = 56000001

GL_PEOPLE = {
    'jdoe': (9100001, 'Jane Doe'),
    'aokafor': (9100002, 'Amara Okafor'),
    'tomas.oliveira': (9100003, 'Tomás Oliveira'),
    'kmori': (9100004, '森 健二'),
    'renee.dubois': (9100005, 'Renée Dubois'),
    'support-bot': (9100090, 'GitLab Support Bot'),
    'renovate-bot': (9100091, 'Renovate Bot'),
}


def gl_user(username):
    uid, name = GL_PEOPLE[username]
    return {'id': uid, 'username': username, 'name': name, 'state': 'active', 'locked': False,
            'avatar_url': 'https://secure.gravatar.com/avatar/%032x?s=80&d=identicon' % uid,
            'web_url': 'https://gitlab.com/' + username}


GL_TIME_STATS = {'time_estimate': 0, 'total_time_spent': 0, 'human_time_estimate': None,
                 'human_total_time_spent': None}


def gl_issue(iid, gid, author, title, description, state, created, updated, closed=None, closed_by=None,
             assignees=(), labels=(), user_notes_count=0, upvotes=0, service_desk_reply_to=None):
    url = GL_PROJ.replace('/marigold-dev/marigold', '/%d' % GL_PROJECT_ID) + '/issues/%d' % iid
    return {
        'id': gid, 'iid': iid, 'project_id': GL_PROJECT_ID, 'title': title, 'description': description,
        'state': state, 'created_at': created, 'updated_at': updated, 'closed_at': closed,
        'closed_by': gl_user(closed_by) if closed_by else None, 'labels': list(labels), 'milestone': None,
        'assignees': [gl_user(a) for a in assignees], 'author': gl_user(author), 'type': 'ISSUE',
        'assignee': gl_user(assignees[0]) if assignees else None, 'user_notes_count': user_notes_count,
        'merge_requests_count': 0, 'upvotes': upvotes, 'downvotes': 0, 'due_date': None,
        'confidential': False, 'discussion_locked': None, 'issue_type': 'issue',
        'web_url': GL_WEB + '/-/issues/%d' % iid, 'time_stats': GL_TIME_STATS,
        'task_completion_status': {'count': 0, 'completed_count': 0}, 'blocking_issues_count': 0,
        'has_tasks': True, 'task_status': '0 of 0 checklist items completed',
        '_links': {'self': url, 'notes': url + '/notes', 'award_emoji': url + '/award_emoji',
                   'project': GL_API + '/projects/%d' % GL_PROJECT_ID, 'closed_as_duplicate_of': None},
        'references': {'short': '#%d' % iid, 'relative': '#%d' % iid, 'full': 'marigold-dev/marigold#%d' % iid},
        'severity': 'UNKNOWN', 'moved_to_id': None, 'imported': False, 'imported_from': 'none',
        'service_desk_reply_to': service_desk_reply_to,
    }


def gl_note(nid, author, body, created, noteable_id, noteable_iid, noteable_type, system=False,
            diff_position=None, resolved=None, resolved_by=None):
    note = {
        'id': nid, 'type': 'DiffNote' if diff_position else None, 'body': body, 'attachment': None,
        'author': gl_user(author), 'created_at': created, 'updated_at': created, 'system': system,
        'noteable_id': noteable_id, 'noteable_type': noteable_type, 'project_id': GL_PROJECT_ID,
        'resolvable': bool(diff_position), 'confidential': False, 'internal': False,
        'imported': False, 'imported_from': 'none', 'noteable_iid': noteable_iid, 'commands_changes': {},
    }
    if diff_position:
        note['position'] = diff_position
        note['resolved'] = resolved
        note['resolved_by'] = gl_user(resolved_by) if resolved_by else None
        note['resolved_at'] = created if resolved else None
        note['suggestions'] = []
    return note


def gl_award(aid, name, user, created, awardable_id, awardable_type):
    return {'id': aid, 'name': name, 'user': gl_user(user), 'created_at': created, 'updated_at': created,
            'awardable_id': awardable_id, 'awardable_type': awardable_type}


def gl_mr(iid, gid, author, title, description, state, created, updated, source_branch, sha,
          merged_by=None, merged_at=None, closed_by=None, closed_at=None, reviewers=(), labels=(),
          draft=False, user_notes_count=0, upvotes=0, merge_commit_sha=None, base_sha=None):
    return {
        'id': gid, 'iid': iid, 'project_id': GL_PROJECT_ID, 'title': title, 'description': description,
        'state': state, 'created_at': created, 'updated_at': updated,
        'merged_by': gl_user(merged_by) if merged_by else None,
        'merge_user': gl_user(merged_by) if merged_by else None, 'merged_at': merged_at,
        'closed_by': gl_user(closed_by) if closed_by else None, 'closed_at': closed_at,
        'target_branch': 'main', 'source_branch': source_branch, 'user_notes_count': user_notes_count,
        'upvotes': upvotes, 'downvotes': 0, 'author': gl_user(author), 'assignees': [], 'assignee': None,
        'reviewers': [gl_user(r) for r in reviewers], 'source_project_id': GL_PROJECT_ID,
        'target_project_id': GL_PROJECT_ID, 'labels': list(labels), 'draft': draft, 'imported': False,
        'imported_from': 'none', 'work_in_progress': draft, 'milestone': None,
        'merge_when_pipeline_succeeds': False,
        'merge_status': 'can_be_merged' if state == 'opened' else 'cannot_be_merged_recheck',
        'detailed_merge_status': {'opened': 'draft_status' if draft else 'mergeable',
                                  'merged': 'not_open', 'closed': 'not_open'}[state],
        'sha': sha, 'merge_commit_sha': merge_commit_sha, 'squash_commit_sha': None,
        'discussion_locked': None, 'should_remove_source_branch': None, 'force_remove_source_branch': True,
        'prepared_at': created, 'reference': '!%d' % iid,
        'references': {'short': '!%d' % iid, 'relative': '!%d' % iid, 'full': 'marigold-dev/marigold!%d' % iid},
        'web_url': GL_WEB + '/-/merge_requests/%d' % iid, 'time_stats': GL_TIME_STATS, 'squash': False,
        'squash_on_merge': False, 'task_completion_status': {'count': 0, 'completed_count': 0},
        'has_conflicts': False, 'blocking_discussions_resolved': True, 'approvals_before_merge': None,
        'subscribed': False, 'changes_count': '1', 'latest_build_started_at': None,
        'latest_build_finished_at': None, 'first_deployed_to_production_at': None, 'pipeline': None,
        'head_pipeline': None,
        'diff_refs': {'base_sha': base_sha, 'head_sha': sha, 'start_sha': base_sha},
        'merge_error': None, 'first_contribution': False, 'user': {'can_merge': False},
    }


def gl_mr_simple(mr):
    keys = ['id', 'iid', 'project_id', 'title', 'description', 'state', 'created_at', 'updated_at', 'web_url']
    return {k: mr[k] for k in keys}


def gl_version(vid, mr_gid, created, head, base, commits):
    return {'id': vid, 'head_commit_sha': head, 'base_commit_sha': base, 'start_commit_sha': base,
            'created_at': created, 'merge_request_id': mr_gid, 'state': 'collected', 'real_size': '1',
            'patch_id_sha': '%040x' % vid,
            'commits': commits,
            'diffs': [{'old_path': 'x', 'new_path': 'x', 'a_mode': '100644', 'b_mode': '100644',
                       'new_file': False, 'renamed_file': False, 'deleted_file': False,
                       'diff': '@@ -1 +1 @@\n-a\n+b\n', 'generated_file': False}]}


def gl_commit(sha, title, name, email, date, parent):
    return {'id': sha, 'short_id': sha[:8], 'created_at': date, 'parent_ids': [parent], 'title': title,
            'message': title + '\n', 'author_name': name, 'author_email': email, 'authored_date': date,
            'committer_name': name, 'committer_email': email, 'committed_date': date, 'trailers': {},
            'extended_trailers': {}, 'web_url': GL_WEB + '/-/commit/' + sha}


route(GL_PROJ, {'id': GL_PROJECT_ID, 'path_with_namespace': 'marigold-dev/marigold', 'name': 'marigold'})

GL_I3 = gl_issue(3, 160000003, 'renee.dubois', 'Traduire la documentation en français',
                 "Je peux relire, mais quelqu'un doit commencer la traduction de `docs/`.\n\n"
                 "Pages prioritaires : « Démarrer », « Catalogue ».",
                 'opened', '2026-03-01T09:00:00.000Z', '2026-03-02T08:00:00.000Z',
                 assignees=['aokafor'], labels=['docs', 'i18n'], user_notes_count=1, upvotes=1)
GL_I4 = gl_issue(4, 160000004, 'support-bot', 'Question about reusing the seed catalogue',
                 'Hello, can our school garden reuse the Marigold catalogue data?\n\n'
                 '(sent by email to the service desk)',
                 'closed', '2026-03-03T15:00:00.000Z', '2026-03-04T12:00:00.000Z',
                 closed='2026-03-04T12:00:00.000Z', closed_by='jdoe', labels=['question'],
                 user_notes_count=1, service_desk_reply_to='teacher@school.example.net')
route(GL_PROJ + '/issues', [GL_I3, GL_I4])
route(GL_PROJ + '/issues/3/notes', [
    gl_note(700000001, 'jdoe', 'assigned to @aokafor', '2026-03-01T10:00:00.000Z', 160000003, 3, 'Issue',
            system=True),
    gl_note(700000002, 'jdoe', "Bonne idée ! Amara a proposé de s'en charger.", '2026-03-01T10:01:00.000Z',
            160000003, 3, 'Issue'),
])
route(GL_PROJ + '/issues/3/award_emoji', [
    gl_award(800000001, 'thumbsup', 'tomas.oliveira', '2026-03-01T12:00:00.000Z', 160000003, 'Issue')])
route(GL_PROJ + '/issues/3/notes/700000001/award_emoji', [])
route(GL_PROJ + '/issues/3/notes/700000002/award_emoji', [
    gl_award(800000002, 'heart', 'renee.dubois', '2026-03-02T08:00:00.000Z', 700000002, 'Note')])
route(GL_PROJ + '/issues/4/notes', [
    gl_note(700000003, 'jdoe',
            'Yes: the code is AGPL-3.0 and the catalogue data is CC BY-SA 4.0, so you can reuse it with '
            'attribution.', '2026-03-04T11:59:00.000Z', 160000004, 4, 'Issue'),
    gl_note(700000004, 'jdoe', 'closed', '2026-03-04T12:00:00.000Z', 160000004, 4, 'Issue', system=True),
])
route(GL_PROJ + '/issues/4/award_emoji', [])
route(GL_PROJ + '/issues/4/notes/700000003/award_emoji', [])
route(GL_PROJ + '/issues/4/notes/700000004/award_emoji', [])

GL_BASE = SHA_RENAME
GL_MR5 = gl_mr(5, 310000005, 'kmori', '日本語ロケールを追加 (add Japanese locale)',
               'Adds `locale/ja/` with the catalogue strings.\n\n翻訳のレビューをお願いします。',
               'merged', '2026-03-03T01:00:00.000Z', '2026-03-04T09:02:05.000Z', 'ja-locale',
               'b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0', merged_by='jdoe',
               merged_at='2026-03-04T09:02:00.000Z', reviewers=['jdoe', 'tomas.oliveira'], labels=['i18n'],
               user_notes_count=2, upvotes=1, merge_commit_sha='c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1',
               base_sha=GL_BASE)
GL_MR7 = gl_mr(7, 310000007, 'renovate-bot', 'chore(deps): update dependency pytest to v8.1.1',
               'This MR contains the following updates:\n\n| Package | Change |\n|---|---|\n'
               '| pytest | `8.0.2` -> `8.1.1` |\n\n---\n\nThis MR has been generated by Renovate Bot.',
               'closed', '2026-03-02T06:00:00.000Z', '2026-03-09T06:00:06.000Z', 'renovate/pytest-8.x',
               'a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0', closed_by='renovate-bot',
               closed_at='2026-03-09T06:00:00.000Z', labels=['dependencies'], user_notes_count=1,
               base_sha=GL_BASE)
GL_MR6 = gl_mr(6, 310000006, 'aokafor', 'Draft: Seed-swap calendar page',
               'Work in progress: a page listing upcoming seed swaps (Lisboa, 28 March).',
               'opened', '2026-03-10T10:00:00.000Z', '2026-03-10T10:00:00.000Z', 'seed-swap-calendar',
               'd4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3', draft=True, base_sha=GL_BASE)
route(GL_PROJ + '/merge_requests', [gl_mr_simple(m) for m in (GL_MR5, GL_MR7, GL_MR6)])
for _m in (GL_MR5, GL_MR7, GL_MR6):
    route(GL_PROJ + '/merge_requests/%d' % _m['iid'], _m)

GL_POS = {'base_sha': GL_BASE, 'start_sha': GL_BASE, 'head_sha': GL_MR5['sha'], 'old_path': 'locale/ja/catalogue.po',
          'new_path': 'locale/ja/catalogue.po', 'position_type': 'text', 'old_line': None, 'new_line': 12,
          'line_range': None}
route(GL_PROJ + '/merge_requests/5/notes', [
    gl_note(700000011, 'tomas.oliveira', 'Nit: the date format should be `YYYY年MM月DD日`.',
            '2026-03-03T12:00:00.000Z', 310000005, 5, 'MergeRequest', diff_position=GL_POS, resolved=True,
            resolved_by='kmori'),
    gl_note(700000012, 'tomas.oliveira', 'approved this merge request', '2026-03-03T12:05:00.000Z',
            310000005, 5, 'MergeRequest', system=True),
    gl_note(700000013, 'jdoe', 'approved this merge request', '2026-03-04T09:00:00.000Z',
            310000005, 5, 'MergeRequest', system=True),
    gl_note(700000014, 'jdoe', 'Merci / ありがとう! 🌸', '2026-03-04T09:01:00.000Z', 310000005, 5, 'MergeRequest'),
])
route(GL_PROJ + '/merge_requests/5/award_emoji', [
    gl_award(800000011, 'thumbsup', 'aokafor', '2026-03-03T09:00:00.000Z', 310000005, 'MergeRequest')])
for _n in (700000011, 700000012, 700000013):
    route(GL_PROJ + '/merge_requests/5/notes/%d/award_emoji' % _n, [])
route(GL_PROJ + '/merge_requests/5/notes/700000014/award_emoji', [
    gl_award(800000012, 'heart', 'kmori', '2026-03-04T09:30:00.000Z', 700000014, 'Note')])
_c5a = gl_commit('e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0', 'Add Japanese locale', '森 健二',
                 'kenji.mori@example.jp', '2026-03-03T00:55:00.000Z', GL_BASE)
_c5b = gl_commit(GL_MR5['sha'], 'Use YYYY年MM月DD日 dates', '森 健二', 'kenji.mori@example.jp',
                 '2026-03-03T19:58:00.000Z', _c5a['id'])
_v51 = gl_version(900000051, 310000005, '2026-03-03T01:00:05.000Z', _c5a['id'], GL_BASE, [_c5a])
_v52 = gl_version(900000052, 310000005, '2026-03-03T20:00:00.000Z', _c5b['id'], GL_BASE, [_c5b, _c5a])
route(GL_PROJ + '/merge_requests/5/versions', [{k: v for k, v in _v.items() if k not in ('commits', 'diffs')}
                                               for _v in (_v52, _v51)])
route(GL_PROJ + '/merge_requests/5/versions/900000051', _v51)
route(GL_PROJ + '/merge_requests/5/versions/900000052', _v52)

route(GL_PROJ + '/merge_requests/7/notes', [
    gl_note(700000021, 'renovate-bot',
            '### Renovate Ignore Notification\n\nBecause you closed this MR without merging, Renovate will '
            'ignore this update (`8.1.1`).', '2026-03-09T06:00:05.000Z', 310000007, 7, 'MergeRequest'),
])
route(GL_PROJ + '/merge_requests/7/award_emoji', [])
route(GL_PROJ + '/merge_requests/7/notes/700000021/award_emoji', [])
_c7 = gl_commit(GL_MR7['sha'], 'chore(deps): update dependency pytest to v8.1.1', 'Renovate Bot',
                'bot@renovateapp.com', '2026-03-02T05:59:00.000Z', GL_BASE)
_v71 = gl_version(900000071, 310000007, '2026-03-02T06:00:03.000Z', _c7['id'], GL_BASE, [_c7])
route(GL_PROJ + '/merge_requests/7/versions', [{k: v for k, v in _v71.items() if k not in ('commits', 'diffs')}])
route(GL_PROJ + '/merge_requests/7/versions/900000071', _v71)

route(GL_PROJ + '/merge_requests/6/notes', [])
route(GL_PROJ + '/merge_requests/6/award_emoji', [])
_c6 = gl_commit(GL_MR6['sha'], 'WIP seed-swap calendar', 'Amara Okafor', 'amara.okafor@example.org',
                '2026-03-10T09:58:00.000Z', GL_BASE)
_v61 = gl_version(900000061, 310000006, '2026-03-10T10:00:02.000Z', _c6['id'], GL_BASE, [_c6])
route(GL_PROJ + '/merge_requests/6/versions', [{k: v for k, v in _v61.items() if k not in ('commits', 'diffs')}])
route(GL_PROJ + '/merge_requests/6/versions/900000061', _v61)


def run_gitlab(outdir):
    gl = GitLab(owner='marigold-dev', repository='marigold', sleep_time=0)
    items = list(gl.fetch(category='issue'))
    gl = GitLab(owner='marigold-dev', repository='marigold', sleep_time=0)
    items += list(gl.fetch(category='merge_request'))
    dump(items, os.path.join(outdir, 'gitlab.jsonl'))


# --------------------------------------------------------------------------
# Discourse: https://discuss.marigold.example.org
# --------------------------------------------------------------------------

DC_URL = 'https://discuss.marigold.example.org'
DC_USERS = {
    # username: (id, name, trust_level, admin, moderator, avatar letter)
    'system': (-1, 'system', 4, True, True, 's'),
    'jane': (2, 'Jane Doe', 4, True, True, 'j'),
    'amara': (7, 'Amara Okafor', 2, False, False, 'a'),
    'tomas': (9, 'Tomás Oliveira', 2, False, True, 't'),
    'renee': (15, 'Renée Dubois', 1, False, False, 'r'),
    'kenji': (16, '森 健二', 1, False, False, 'k'),
}


def dc_avatar(username):
    if username == 'system':
        return '/images/discourse-logo-sketch-small.png'
    return '/letter_avatar_proxy/v4/letter/%s/8c91f0/{size}.png' % DC_USERS[username][5]


def dc_mini(username):
    uid, name = DC_USERS[username][:2]
    return {'id': uid, 'username': username, 'name': name, 'avatar_template': dc_avatar(username)}


def dc_post(pid, topic_id, slug, number, username, created, cooked, likes=0, reply_to=None, reads=5,
            post_type=1, action_code=None, accepted=False, updated=None,
            reply_to_user=None, reply_count=0):
    uid, name, tl, admin, mod, _ = DC_USERS[username]
    post = {
        'id': pid, 'name': name, 'username': username, 'avatar_template': dc_avatar(username),
        'created_at': created, 'cooked': cooked, 'post_number': number, 'post_type': post_type,
        'updated_at': updated or created, 'reply_count': reply_count,
        'reply_to_post_number': reply_to, 'quote_count': 0, 'incoming_link_count': 0, 'reads': reads,
        'readers_count': reads - 1, 'score': float(reads + 5 * likes), 'yours': False, 'topic_id': topic_id,
        'topic_slug': slug, 'display_username': name, 'primary_group_name': None, 'flair_name': None,
        'flair_url': None, 'flair_bg_color': None, 'flair_color': None, 'flair_group_id': None,
        'badges_granted': [], 'version': 1, 'can_edit': False, 'can_delete': False, 'can_recover': False,
        'can_see_hidden_post': False, 'can_wiki': False, 'read': True, 'user_title': None,
        'bookmarked': False,
        'actions_summary': [{'id': 2, 'count': likes}] if likes else [],
        'moderator': mod, 'admin': admin, 'staff': admin or mod, 'user_id': uid, 'hidden': False,
        'trust_level': tl, 'deleted_at': None, 'user_deleted': False, 'edit_reason': None,
        'can_view_edit_history': True, 'wiki': False, 'post_url': '/t/%s/%d/%d' % (slug, topic_id, number),
        'reviewable_id': 0, 'reviewable_score_count': 0, 'reviewable_score_pending_count': 0,
        'mentioned_users': [], 'can_accept_answer': False, 'can_unaccept_answer': False,
        'accepted_answer': accepted, 'topic_accepted_answer': False,
    }
    if action_code:
        post['action_code'] = action_code
    if reply_to_user:
        post['reply_to_user'] = {'username': reply_to_user, 'name': DC_USERS[reply_to_user][1],
                                 'avatar_template': dc_avatar(reply_to_user)}
    return post


def dc_topic(tid, title, slug, category_id, created, last_posted, posts, creator, pinned=False,
             closed=False, views=40, accepted=None, tags=()):
    likes = sum(p['actions_summary'][0]['count'] for p in posts if p['actions_summary'])
    participants = []
    for p in posts:
        if p['username'] not in [x['username'] for x in participants]:
            participants.append({'id': p['user_id'], 'username': p['username'], 'name': p['name'],
                                 'avatar_template': p['avatar_template'],
                                 'post_count': sum(1 for q in posts if q['username'] == p['username']),
                                 'primary_group_name': None, 'flair_name': None, 'flair_url': None,
                                 'flair_color': None, 'flair_bg_color': None, 'flair_group_id': None,
                                 'admin': p['admin'], 'moderator': p['moderator'],
                                 'trust_level': p['trust_level']})
    topic = {
        'post_stream': {'posts': posts, 'stream': [p['id'] for p in posts]},
        'timeline_lookup': [[1, 0]], 'suggested_topics': [], 'tags': list(tags), 'tags_descriptions': {},
        'fancy_title': title, 'id': tid, 'title': title, 'posts_count': len(posts),
        'created_at': created, 'views': views,
        'reply_count': sum(1 for p in posts if p['reply_to_post_number']),
        'like_count': likes, 'last_posted_at': last_posted, 'visible': True, 'closed': closed,
        'archived': False, 'has_summary': False, 'archetype': 'regular', 'slug': slug,
        'category_id': category_id, 'word_count': 40 * len(posts), 'deleted_at': None,
        'user_id': DC_USERS[creator][0], 'featured_link': None, 'pinned_globally': False,
        'pinned_at': created if pinned else None, 'pinned_until': None, 'image_url': None,
        'slow_mode_seconds': 0, 'draft': None, 'draft_key': 'topic_%d' % tid, 'draft_sequence': None,
        'unpinned': None, 'pinned': pinned, 'current_post_number': 1,
        'highest_post_number': posts[-1]['post_number'], 'deleted_by': None, 'has_deleted': False,
        'actions_summary': [{'id': 4, 'count': 0, 'hidden': False, 'can_act': False},
                            {'id': 8, 'count': 0, 'hidden': False, 'can_act': False},
                            {'id': 7, 'count': 0, 'hidden': False, 'can_act': False}],
        'chunk_size': 20, 'bookmarked': False, 'bookmarks': [], 'topic_timer': None,
        'message_bus_last_id': 3, 'participant_count': len(participants), 'show_read_indicator': False,
        'thumbnails': None, 'slow_mode_enabled_until': None, 'summarizable': False,
        'details': {
            'can_edit': False, 'notification_level': 1, 'participants': participants,
            'created_by': dc_mini(creator), 'last_poster': dc_mini(posts[-1]['username']),
            'links': [],
        },
    }
    if accepted is not None:
        topic['accepted_answer'] = accepted
        for p in posts:
            p['topic_accepted_answer'] = True
    return topic


_S1 = 'welcome-to-marigold-discuss'
DC_T101 = dc_topic(101, 'Welcome to Marigold Discuss', _S1, 1, '2026-02-01T00:00:00.000Z',
                   '2026-02-01T00:00:00.000Z', [
                       dc_post(1001, 101, _S1, 1, 'system', '2026-02-01T00:00:00.000Z',
                               '<p>This is the place to talk about seeds, gardens and the Marigold catalogue. '
                               'Please be kind.</p>', reads=58)],
                   'system', pinned=True, views=311)
_S2 = 'how-do-i-store-seeds-over-winter'
DC_T102 = dc_topic(102, 'How do I store seeds over winter? / Comment conserver les graines ?', _S2, 5,
                   '2026-03-05T19:00:00.000Z', '2026-03-07T08:30:00.000Z', [
                       dc_post(1002, 102, _S2, 1, 'renee', '2026-03-05T19:00:00.000Z',
                               '<p>Mes graines de capucine ont moisi l\u2019hiver dernier. '
                               'Quelles sont vos astuces ?</p>', likes=1, reply_count=1),
                       dc_post(1003, 102, _S2, 2, 'tomas', '2026-03-05T21:40:00.000Z',
                               '<p>Paper envelopes, never plastic. Eu guardo num pote com arroz.</p>', likes=1),
                       dc_post(1004, 102, _S2, 3, 'amara', '2026-03-06T08:15:00.000Z',
                               '<p>Dry them fully first (two weeks on newspaper), then paper envelopes in a '
                               'tin with a silica sachet, in the coolest room you have.</p>', likes=3,
                               reply_to=1, reply_to_user='renee', accepted=True, reply_count=1),
                       dc_post(1005, 102, _S2, 4, 'renee', '2026-03-07T08:30:00.000Z',
                               '<p>Merci Amara, ça a marché ! 🌱</p>', reply_to=3, reply_to_user='amara'),
                   ], 'renee', views=87,
                   accepted={'post_number': 3, 'username': 'amara', 'name': 'Amara Okafor',
                             'excerpt': 'Dry them fully first (two weeks on newspaper), then paper envelopes '
                                        'in a tin with a silica sachet, in the coolest room you have.',
                             'accepter_username': 'renee', 'accepter_name': 'Renée Dubois'},
                   tags=['seed-saving'])
_S3 = 'seed-swap-at-the-lisbon-meetup-28-march'
DC_T103 = dc_topic(103, 'Seed swap at the Lisbon meetup — 28 March', _S3, 6, '2026-03-08T10:30:00.000Z',
                   '2026-03-29T09:00:00.000Z', [
                       dc_post(1006, 103, _S3, 1, 'jane', '2026-03-08T10:30:00.000Z',
                               '<p>We are running a seed swap at the Marigold Gardeners Lisboa meetup on '
                               '28 March. RSVP on the meetup page.</p>', likes=2, reply_count=1),
                       dc_post(1007, 103, _S3, 2, 'kenji', '2026-03-09T00:10:00.000Z',
                               '<p>オンラインで参加します！ (joining online)</p>', reply_to=1,
                               reply_to_user='jane'),
                       dc_post(1008, 103, _S3, 3, 'jane', '2026-03-29T09:00:00.000Z', '', post_type=3,
                               action_code='closed.enabled'),
                   ], 'jane', closed=True, views=64, tags=['events'])


def dc_list_entry(t):
    return {'id': t['id'], 'title': t['title'], 'fancy_title': t['fancy_title'], 'slug': t['slug'],
            'posts_count': t['posts_count'], 'reply_count': t['reply_count'],
            'highest_post_number': t['highest_post_number'], 'image_url': None, 'created_at': t['created_at'],
            'last_posted_at': t['last_posted_at'], 'bumped': True, 'bumped_at': t['last_posted_at'],
            'archetype': 'regular', 'unseen': False, 'pinned': t['pinned'], 'unpinned': None,
            'visible': True, 'closed': t['closed'], 'archived': False, 'bookmarked': None, 'liked': None,
            'tags': t['tags'], 'tags_descriptions': {}, 'views': t['views'], 'like_count': t['like_count'],
            'has_summary': False, 'last_poster_username': t['details']['last_poster']['username'],
            'category_id': t['category_id'], 'pinned_globally': False, 'featured_link': None,
            'has_accepted_answer': 'accepted_answer' in t, 'can_have_answer': t['category_id'] == 5,
            'posters': [{'extras': None, 'description': 'Original Poster',
                         'user_id': t['user_id'], 'primary_group_id': None, 'flair_group_id': None}]}


route(DC_URL + '/latest.json', lambda q: {
    'users': [], 'primary_groups': [], 'flair_groups': [],
    'topic_list': {'can_create_topic': False, 'per_page': 30, 'top_tags': [],
                   'topics': [dc_list_entry(t) for t in (DC_T103, DC_T102, DC_T101)]
                   if q.get('page', '0') == '0' else []}})
for _t in (DC_T101, DC_T102, DC_T103):
    route(DC_URL + '/t/%d.json' % _t['id'], _t)


def run_discourse(outdir):
    dc = Discourse(DC_URL, sleep_time=0)
    dump(list(dc.fetch()), os.path.join(outdir, 'discourse.jsonl'))


# --------------------------------------------------------------------------
# Pipermail: https://lists.example.org/pipermail/marigold-dev/
#   (serves ../mbox/2026-March.txt.gz, the existing Mailman 2 sample archive)
# --------------------------------------------------------------------------

PM_URL = 'https://lists.example.org/pipermail/marigold-dev/'
PM_INDEX = """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2//EN">
<HTML>
  <HEAD>
     <title>The Marigold-dev Archives</title>
     <META NAME="robots" CONTENT="noindex,follow">
     <META http-equiv="Content-Type" content="text/html; charset=us-ascii">
  </HEAD>
  <BODY BGCOLOR="#ffffff">
     <h1>The Marigold-dev Archives </h1>
     <p>
      You can get <a href="https://lists.example.org/mailman/listinfo/marigold-dev">more information about this list</a>.
     </p>
         <table border=3>
          <tr><td>Archive</td>
          <td>View by:</td>
          <td>Downloadable version</td></tr>
            <tr>
            <td>March 2026:</td>
            <td>
              <A href="2026-March/thread.html">[ Thread ]</a>
              <A href="2026-March/subject.html">[ Subject ]</a>
              <A href="2026-March/author.html">[ Author ]</a>
              <A href="2026-March/date.html">[ Date ]</a>
            </td>
            <td><A href="2026-March.txt.gz">[ Gzip'd Text 1 KB ]</a></td>
            </tr>
         </table>
     </BODY>
     </HTML>
"""


def run_pipermail(outdir):
    with open(os.path.join(HERE, '..', 'mbox', '2026-March.txt.gz'), 'rb') as fd:
        archive = fd.read()
    route(PM_URL, PM_INDEX)
    route(PM_URL + '2026-March.txt.gz', archive)
    with tempfile.TemporaryDirectory() as tmp:
        pm = Pipermail(PM_URL, tmp)
        dump(list(pm.fetch()), os.path.join(outdir, 'pipermail.jsonl'))


# --------------------------------------------------------------------------
# Slack: channel C05MRGLD01 (#marigold-dev)
# --------------------------------------------------------------------------

SL_CHANNEL = 'C05MRGLD01'
SL_TEAM = 'T05MARIGLD'
SL_USERS = {
    # id: (name, real_name, display_name, email, tz, is_bot, is_admin)
    'U05JANE001': ('jane', 'Jane Doe', 'Jane', 'jane.doe@example.org', 'Europe/London', False, True),
    'U05AMARA01': ('amara.okafor', 'Amara Okafor', 'Amara', 'amara.okafor@example.org', 'Europe/Lisbon',
                   False, False),
    'U05TOMAS01': ('tomas', 'Tomás Oliveira', 'Tomás', 'tomas@example.net', 'America/Sao_Paulo', False, False),
    'U05RENEE01': ('renee.dubois', 'Renée Dubois', 'Renée', 'renee@example.fr', 'America/Toronto', False, False),
    'U05KENJI01': ('kenji', '森 健二', 'Kenji', 'kenji.mori@example.jp', 'Asia/Tokyo', False, False),
    'U05CALBOT1': ('seedcal', 'Seed Calendar', '', None, 'America/Los_Angeles', True, False),
}
TZ_OFFSETS = {'Europe/London': 0, 'Europe/Lisbon': 0, 'America/Sao_Paulo': -10800, 'America/Toronto': -18000,
              'Asia/Tokyo': 32400, 'America/Los_Angeles': -28800}


def sl_user(uid):
    name, real, display, email, tz, is_bot, is_admin = SL_USERS[uid]
    profile = {
        'title': '', 'phone': '', 'skype': '', 'real_name': real, 'real_name_normalized': real,
        'display_name': display, 'display_name_normalized': display, 'fields': None, 'status_text': '',
        'status_emoji': '', 'status_emoji_display_info': [], 'status_expiration': 0,
        'avatar_hash': 'g0' + uid[-6:].lower(),
        'first_name': real.split(' ')[0], 'last_name': ' '.join(real.split(' ')[1:]),
        'image_24': 'https://secure.gravatar.com/avatar/%s.jpg?s=24' % uid.lower(),
        'image_72': 'https://secure.gravatar.com/avatar/%s.jpg?s=72' % uid.lower(),
        'team': SL_TEAM,
    }
    if email:
        profile['email'] = email
    if is_bot:
        profile['bot_id'] = 'B05CALBOT1'
        profile['api_app_id'] = 'A05CAL0001'
        profile['always_active'] = True
    return {
        'id': uid, 'team_id': SL_TEAM, 'name': name, 'deleted': False, 'color': '9f69e7', 'real_name': real,
        'tz': tz, 'tz_label': tz, 'tz_offset': TZ_OFFSETS[tz], 'profile': profile, 'is_admin': is_admin,
        'is_owner': is_admin, 'is_primary_owner': is_admin, 'is_restricted': False,
        'is_ultra_restricted': False, 'is_bot': is_bot, 'is_app_user': False, 'updated': 1772000000,
        'is_email_confirmed': not is_bot, 'who_can_share_contact_card': 'EVERYONE',
    }


def sl_route_users(q):
    return {'ok': True, 'user': sl_user(q['user'])}


route('https://slack.com/api/users.info', sl_route_users)
route('https://slack.com/api/conversations.info', {'ok': True, 'channel': {
    'id': SL_CHANNEL, 'name': 'marigold-dev', 'is_channel': True, 'is_group': False, 'is_im': False,
    'is_mpim': False, 'is_private': False, 'created': 1771833600, 'is_archived': False, 'is_general': False,
    'unlinked': 0, 'name_normalized': 'marigold-dev', 'is_shared': False, 'is_org_shared': False,
    'is_pending_ext_shared': False, 'pending_shared': [], 'context_team_id': SL_TEAM, 'updated': 1772445600000,
    'parent_conversation': None, 'creator': 'U05JANE001', 'is_ext_shared': False, 'shared_team_ids': [SL_TEAM],
    'pending_connected_team_ids': [], 'is_member': True, 'last_read': '1772470800.000900',
    'topic': {'value': 'Marigold development · seed swap 28 March', 'creator': 'U05JANE001',
              'last_set': 1772445000},
    'purpose': {'value': 'Talk about the Marigold seed catalogue', 'creator': 'U05JANE001',
                'last_set': 1771833600},
    'previous_names': ['marigold'],
}})
route('https://slack.com/api/conversations.members', {
    'ok': True, 'members': sorted(SL_USERS), 'response_metadata': {'next_cursor': ''}})

SL_HISTORY = [  # newest first, as conversations.history returns them
    {'client_msg_id': '7d0e2c55-5a4e-4f0b-9d7a-0c8e1b2a3f41', 'type': 'message',
     'text': 'ありがとう！ See you there :wave:', 'user': 'U05KENJI01', 'ts': '1772470800.000900',
     'blocks': [], 'team': SL_TEAM},
    {'client_msg_id': '1c5b7e6a-2f3d-4b8e-a9c0-d1e2f3a4b5c6', 'type': 'message',
     'text': "Est-ce qu'il y aura des graines de capucine ? 🌱", 'user': 'U05RENEE01',
     'ts': '1772467200.000800', 'team': SL_TEAM,
     'edited': {'user': 'U05RENEE01', 'ts': '1772467260.000000'},
     'reactions': [{'name': '+1', 'users': ['U05JANE001'], 'count': 1}]},
    {'type': 'message', 'text': 'Reminder: the Lisbon seed swap is in 26 days (28 March, 14:00).',
     'user': 'U05CALBOT1', 'bot_id': 'B05CALBOT1', 'app_id': 'A05CAL0001', 'ts': '1772463600.000700',
     'team': SL_TEAM,
     'bot_profile': {'id': 'B05CALBOT1', 'deleted': False, 'name': 'Seed Calendar', 'updated': 1771900000,
                     'app_id': 'A05CAL0001', 'icons': {'image_36': 'https://a.slack-edge.com/seedcal_36.png'},
                     'team_id': SL_TEAM}},
    {'type': 'message', 'subtype': 'bot_message', 'text': '',
     'ts': '1772460000.000600', 'bot_id': 'B05GHBOT01', 'username': 'GitHub',
     'icons': {'image_48': 'https://a.slack-edge.com/github_48.png'},
     'attachments': [{'id': 1, 'color': '6f42c1', 'fallback': '[marigold-dev/marigold] Pull request merged: #12',
                      'title': '#12 docs: add contributor guide',
                      'title_link': 'https://github.com/marigold-dev/marigold/pull/12',
                      'text': 'Pull request merged by jane-doe', 'footer': 'marigold-dev/marigold'}]},
    {'type': 'message', 'subtype': 'thread_broadcast',
     'text': 'Eu vou! I\'ll bring calendula seeds :blossom:', 'user': 'U05TOMAS01',
     'ts': '1772449200.000300', 'thread_ts': '1772445600.000200',
     'root': {'type': 'message', 'text': "Who's coming to the seed swap on the 28th? :seedling:",
              'user': 'U05JANE001', 'ts': '1772445600.000200', 'thread_ts': '1772445600.000200',
              'reply_count': 3, 'reply_users_count': 2, 'latest_reply': '1772456400.000500',
              'reply_users': ['U05TOMAS01', 'U05KENJI01'], 'is_locked': False, 'subscribed': False},
     'client_msg_id': 'a4b5c6d7-e8f9-4a0b-8c1d-2e3f4a5b6c7d', 'team': SL_TEAM},
    {'client_msg_id': 'f0e1d2c3-b4a5-4968-8776-655443322110', 'type': 'message',
     'text': "Who's coming to the seed swap on the 28th? :seedling:", 'user': 'U05JANE001',
     'ts': '1772445600.000200', 'team': SL_TEAM, 'thread_ts': '1772445600.000200', 'reply_count': 3,
     'reply_users_count': 2, 'latest_reply': '1772456400.000500', 'reply_users': ['U05TOMAS01', 'U05KENJI01'],
     'is_locked': False, 'subscribed': False,
     'reactions': [{'name': 'seedling', 'users': ['U05AMARA01', 'U05TOMAS01', 'U05KENJI01'], 'count': 3},
                   {'name': 'raised_hands', 'users': ['U05RENEE01'], 'count': 1}]},
    {'type': 'message', 'subtype': 'channel_join', 'text': '<@U05AMARA01> has joined the channel',
     'user': 'U05AMARA01', 'ts': '1772442000.000100'},
]
route('https://slack.com/api/conversations.history', {
    'ok': True, 'messages': SL_HISTORY, 'has_more': False, 'pin_count': 0, 'channel_actions_ts': None,
    'channel_actions_count': 0})


def run_slack(outdir):
    sl = Slack(SL_CHANNEL, 'xoxb-invented-token')
    dump(list(sl.fetch()), os.path.join(outdir, 'slack.jsonl'))


# --------------------------------------------------------------------------
# Meetup: group marigold-gardeners-lisboa
# --------------------------------------------------------------------------

MU_API = 'https://api.meetup.com/marigold-gardeners-lisboa'
MU_GROUP = {'created': 1767225600000, 'name': 'Marigold Gardeners Lisboa', 'id': 36000001, 'join_mode': 'open',
            'lat': 38.72, 'lon': -9.14, 'urlname': 'marigold-gardeners-lisboa', 'who': 'Jardineiros',
            'localized_location': 'Lisboa, Portugal', 'state': '', 'country': 'pt', 'region': 'en_US',
            'timezone': 'Europe/Lisbon',
            'topics': [{'id': 15405, 'lang': 'en_US', 'name': 'Community Gardens', 'urlkey': 'community-gardens'},
                       {'id': 48471, 'lang': 'en_US', 'name': 'Seed Saving', 'urlkey': 'seed-saving'}]}
MU_MEMBERS = {
    # id: (name, photo id)
    230000001: 'Jane Doe', 230000002: 'Amara Okafor', 230000003: 'Tomás Oliveira',
    230000004: 'Kenji Mori', 230000005: 'Renée Dubois', 230000006: 'Zé Carlos Gonçalves',
}


def mu_member(mid, host=False, role=None, bio=None):
    m = {'id': mid, 'name': MU_MEMBERS[mid], 'event_context': {'host': host},
         'photo': {'id': 400000000 + mid % 1000, 'highres_link': 'https://secure.meetupstatic.com/photos/member/highres.jpeg',
                   'photo_link': 'https://secure.meetupstatic.com/photos/member/member.jpeg',
                   'thumb_link': 'https://secure.meetupstatic.com/photos/member/thumb.jpeg',
                   'type': 'member', 'base_url': 'https://secure.meetupstatic.com'}}
    if role:
        m['role'] = role
    if bio:
        m['bio'] = bio
    return m


def mu_host(mid):
    m = mu_member(mid)
    del m['event_context']
    m['intro'] = ''
    return m


MU_VENUE = {'id': 27100001, 'name': 'Horta Comunitária da Graça', 'lat': 38.7167, 'lon': -9.1306,
            'repinned': False, 'address_1': 'Rua da Graça 1', 'city': 'Lisboa', 'country': 'pt',
            'localized_country_name': 'Portugal'}


def mu_event(eid, name, status, time_ms, duration_ms, updated_ms, created_ms, hosts, yes_count, desc,
             venue=MU_VENUE, online=False, utc_offset=0):
    e = {
        'created': created_ms, 'duration': duration_ms, 'id': eid, 'name': name,
        'rsvp_limit': 40, 'date_in_series_pattern': False, 'status': status, 'time': time_ms,
        'local_date': datetime.datetime.fromtimestamp((time_ms + utc_offset) / 1000, datetime.timezone.utc)
        .strftime('%Y-%m-%d'),
        'local_time': datetime.datetime.fromtimestamp((time_ms + utc_offset) / 1000, datetime.timezone.utc)
        .strftime('%H:%M'),
        'updated': updated_ms, 'utc_offset': utc_offset, 'waitlist_count': 0, 'yes_rsvp_count': yes_count,
        'is_online_event': online, 'group': MU_GROUP,
        'link': 'https://www.meetup.com/marigold-gardeners-lisboa/events/%s/' % eid,
        'description': '<p>%s</p>' % desc, 'plain_text_description': desc, 'how_to_find_us': '',
        'visibility': 'public', 'member_pay_fee': False, 'event_hosts': [mu_host(h) for h in hosts],
        'featured': False, 'rsvpable': status == 'upcoming', 'series': None,
    }
    if venue:
        e['venue'] = venue
    return e


def mu_rsvp(eid, ev_name, ev_time, yes_count, mid, response, created_ms, host=False, role=None, guests=0,
            venue=MU_VENUE, utc_offset=0, attendance=None):
    r = {'created': created_ms, 'updated': created_ms, 'response': response, 'guests': guests,
         'event': {'id': eid, 'name': ev_name, 'yes_rsvp_count': yes_count, 'time': ev_time,
                   'utc_offset': utc_offset},
         'group': {k: MU_GROUP[k] for k in ('id', 'urlname', 'name', 'who', 'join_mode')},
         'member': mu_member(mid, host=host, role=role)}
    if attendance:       # only set by Meetup once the organiser has taken attendance
        r['attendance_status'] = attendance
    if venue:
        r['venue'] = venue
    return r


def ms(iso):
    return int(datetime.datetime.fromisoformat(iso.replace('Z', '+00:00')).timestamp() * 1000)


E1, E1T = '298000001', ms('2026-03-28T14:00:00Z')
E2, E2T = '298000002', ms('2026-04-15T17:00:00Z')
E3, E3T = '298000003', ms('2026-03-14T10:00:00Z')
MU_E3 = mu_event(E3, 'Visita à horta (cancelada — chuva)', 'cancelled', E3T, 7200000,
                 ms('2026-03-13T18:00:00Z'), ms('2026-03-01T09:00:00Z'), [230000002], 2,
                 'Garden visit. Cancelled because of the storm warning.')
MU_E1 = mu_event(E1, 'Troca de sementes / Seed swap 🌱', 'past', E1T, 10800000,
                 ms('2026-03-29T09:00:00Z'), ms('2026-03-08T10:00:00Z'), [230000001, 230000002], 4,
                 'Bring seeds, take seeds. Printed Marigold catalogues available.')
MU_E2 = mu_event(E2, 'Online: planning the spring catalogue', 'upcoming', E2T, 3600000,
                 ms('2026-03-30T12:00:00Z'), ms('2026-03-30T11:00:00Z'), [230000001], 2,
                 'Video call. Link visible to attendees.', venue=None, online=True, utc_offset=3600000)
route(MU_API + '/events', [MU_E3, MU_E1, MU_E2])   # order=updated

route(MU_API + '/events/%s/rsvps' % E3, [
    mu_rsvp(E3, MU_E3['name'], E3T, 2, 230000002, 'yes', ms('2026-03-01T09:00:00Z'), host=True,
            role='coorganizer'),
    mu_rsvp(E3, MU_E3['name'], E3T, 2, 230000005, 'yes', ms('2026-03-02T20:00:00Z')),
])
route(MU_API + '/events/%s/comments' % E3, [])
route(MU_API + '/events/%s/rsvps' % E1, [
    mu_rsvp(E1, MU_E1['name'], E1T, 4, 230000001, 'yes', ms('2026-03-08T10:00:00Z'), host=True,
            role='organizer', attendance='attended'),
    mu_rsvp(E1, MU_E1['name'], E1T, 4, 230000002, 'yes', ms('2026-03-08T10:05:00Z'), host=True,
            role='coorganizer', attendance='attended'),
    mu_rsvp(E1, MU_E1['name'], E1T, 4, 230000003, 'yes', ms('2026-03-09T13:00:00Z'), attendance='noshow'),
    mu_rsvp(E1, MU_E1['name'], E1T, 4, 230000004, 'no', ms('2026-03-09T00:12:00Z')),
    mu_rsvp(E1, MU_E1['name'], E1T, 4, 230000006, 'yes', ms('2026-03-20T19:30:00Z'), guests=1,
            attendance='attended'),
])
route(MU_API + '/events/%s/comments' % E1, [
    {'id': 510000001, 'comment': 'Obrigado pela organização! Levo sementes de tomate coração-de-boi.',
     'link': 'https://www.meetup.com/marigold-gardeners-lisboa/events/%s/comments/510000001/' % E1,
     'created': ms('2026-03-21T08:00:00Z'), 'like_count': 2, 'member': mu_member(230000006)},
    {'id': 510000002, 'comment': 'Thanks everyone, 31 packets swapped!',
     'link': 'https://www.meetup.com/marigold-gardeners-lisboa/events/%s/comments/510000002/' % E1,
     'created': ms('2026-03-29T09:00:00Z'), 'like_count': 3, 'member': mu_member(230000001, host=True)},
])
route(MU_API + '/events/%s/rsvps' % E2, [
    mu_rsvp(E2, MU_E2['name'], E2T, 2, 230000001, 'yes', ms('2026-03-30T11:00:00Z'), host=True,
            role='organizer', venue=None, utc_offset=3600000),
    mu_rsvp(E2, MU_E2['name'], E2T, 2, 230000004, 'yes', ms('2026-03-30T11:40:00Z'), venue=None,
            utc_offset=3600000),
    mu_rsvp(E2, MU_E2['name'], E2T, 2, 230000003, 'no', ms('2026-03-30T11:45:00Z'), venue=None,
            utc_offset=3600000),
])
route(MU_API + '/events/%s/comments' % E2, [])


def run_meetup(outdir):
    mu = Meetup('marigold-gardeners-lisboa', 'invented-oauth-token', sleep_time=0)
    dump(list(mu.fetch()), os.path.join(outdir, 'meetup.jsonl'))


# --------------------------------------------------------------------------
# RSS (a backend the importer does not support): unknown-backend.jsonl
# --------------------------------------------------------------------------

RSS_URL = 'https://blog.marigold.example.org/feed.xml'
RSS_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Marigold blog</title>
  <link>https://blog.marigold.example.org/</link>
  <description>News from the Marigold seed-library project</description>
  <language>en</language>
  <item>
    <title>Marigold 0.4 released</title>
    <link>https://blog.marigold.example.org/2026/03/marigold-0-4/</link>
    <guid isPermaLink="true">https://blog.marigold.example.org/2026/03/marigold-0-4/</guid>
    <dc:creator>Jane Doe</dc:creator>
    <pubDate>Fri, 20 Mar 2026 12:00:00 +0000</pubDate>
    <description>Fractions of packets, a contributor guide and a Japanese locale.</description>
  </item>
  <item>
    <title>Troca de sementes: o resumo</title>
    <link>https://blog.marigold.example.org/2026/03/seed-swap-recap/</link>
    <guid isPermaLink="true">https://blog.marigold.example.org/2026/03/seed-swap-recap/</guid>
    <dc:creator>Amara Okafor</dc:creator>
    <pubDate>Mon, 30 Mar 2026 08:00:00 +0100</pubDate>
    <description>31 packets swapped at the Horta Comunitária da Graça.</description>
  </item>
</channel>
</rss>
"""


def run_rss(outdir):
    from perceval.backends.core.rss import RSS
    route(RSS_URL, RSS_FEED)
    dump(list(RSS(RSS_URL).fetch()), os.path.join(outdir, 'unknown-backend.jsonl'))


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------

def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else HERE
    assert perceval._version.__version__ == '1.6.1', perceval._version.__version__
    run_github(outdir)
    run_gitlab(outdir)
    run_discourse(outdir)
    run_pipermail(outdir)
    run_slack(outdir)
    run_meetup(outdir)
    run_rss(outdir)
    assert not UNROUTED, UNROUTED


if __name__ == '__main__':
    main()
