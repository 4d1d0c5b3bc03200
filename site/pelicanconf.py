"""Pelican settings of the public static site; build.py overrides the API and output paths."""

import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent

SITENAME = "红山区市场监督管理局"
PLATFORM_NAME = "小微企业发展服务平台"
SITEURL = ""  # links are root-relative: the site is served at `/` next to the API
DEFAULT_LANG = "zh-Hans"
TIMEZONE = "Asia/Shanghai"

# Everything comes from the API: the content folder stays empty and no reader is enabled.
PATH = str(HERE / "content")
READERS = dict.fromkeys(["rst", "md", "markdown", "mkd", "mdown", "html", "htm"])
ARTICLE_PATHS: list[str] = []
PAGE_PATHS: list[str] = []
STATIC_PATHS: list[str] = []
DIRECT_TEMPLATES: list[str] = []
THEME = str(HERE / "theme")
PLUGIN_PATHS = [str(HERE / "plugins")]
PLUGINS = ["hongshan_api"]
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

# Pelican's own feeds are for Markdown articles; the plugin writes the news feed.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
FEED_MAX_ITEMS = 50

# Set by build.py from --api / --site-url.
HONGSHAN_API_URL = "http://127.0.0.1:8000"
HONGSHAN_SITE_URL = "http://127.0.0.1:8000"
HONGSHAN_NEWS_FEED = "feeds/news.atom.xml"
# Site paths, from the one file Django reads too (site/urls.toml).
HONGSHAN_URLS_FILE = str(HERE / "urls.toml")
with open(HONGSHAN_URLS_FILE, "rb") as _urls:
    HONGSHAN_URLS = tomllib.load(_urls)["urls"]
# Editorial sections: one per Wagtail page type (see plugins/hongshan_api/sections.py).
HONGSHAN_SECTIONS = [
    {
        "kind": "news",
        "api_type": "pages.PolicyNewsPage",
        "title": "政策资讯",
        "list_template": "news_list",
        "detail_template": "news_detail",
        "order": "-publication_date",
        "date_field": "publication_date",
    },
    {
        "kind": "notice",
        "api_type": "pages.NoticePage",
        "title": "通知公告",
        "list_template": "notice_list",
        "detail_template": "notice_detail",
        "order": "-publication_date",
        "date_field": "publication_date",
        "stream_fields": ("body", "attachments"),
    },
    {
        "kind": "guide",
        "api_type": "guides.GuidePage",
        "title": "办事指南",
        "list_template": "guide_list",
        "detail_template": "guide_detail",
        "per_page": 200,  # one page, grouped by matter type
        "stream_fields": ("body", "steps", "materials", "legal_basis", "offices", "faq"),
        "block_richtext_fields": ("description", "answer"),
        "extra": {
            "matter_types": [
                "registration",
                "licensing",
                "annual_report",
                "equity_pledge",
                "trademark_pledge",
                "chattel_mortgage",
            ]
        },
    },
    {
        "kind": "lecture",
        "api_type": "learning.LecturePage",
        "title": "网上大讲堂",
        "list_template": "lecture_list",
        "detail_template": "lecture_detail",
        "order": "-recorded_on",
        "date_field": "recorded_on",
        "stream_fields": ("body", "materials"),
    },
    {
        "kind": "event",
        "api_type": "learning.EventPage",
        "title": "讲座活动",
        "list_template": "event_list",
        "detail_template": "event_detail",
        "order": "-starts_at",  # upcoming events come first on page 1 (event_list.html)
        "date_field": "starts_at",
    },
    {
        "kind": "story",
        "api_type": "showcase.ShowcaseStoryPage",
        "title": "企业风采",
        "list_template": "story_list",
        "detail_template": "story_detail",
        "order": "-publication_date",
        "date_field": "publication_date",
        "stream_fields": ("body", "gallery"),
    },
    {
        "kind": "report",
        "api_type": "reports.AnalysisReportPage",
        "title": "数据分析报告",
        "list_template": "report_list",
        "detail_template": "report_detail",
        "order": "-period_end",
        "date_field": "period_end",
        "stream_fields": ("body",),
    },
    {
        "kind": "law",
        "api_type": "legal.LawPage",
        "title": "法律法规",
        "list_template": "law_list",
        "detail_template": "law_detail",
        "order": "-promulgation_date",
        "date_field": "promulgation_date",
        "per_page": 50,
        "stream_fields": (),  # the templates read `chapters` as the API shapes it
    },
    {
        "kind": "contract",
        "api_type": "legal.ContractTemplatePage",
        "title": "合同示范文本",
        "list_template": "contract_list",
        "detail_template": "contract_detail",
        "date_field": "edition_date",
        "per_page": 50,
        "stream_fields": (),
        "subpages": (
            {
                "items": "editions",
                "url": "contract_edition",
                "params": {"edition": "slug"},
                "template": "contract_edition",
                "title": "label",
            },
            {
                "items": "comparisons",
                "url": "contract_compare",
                "params": {"old": "from", "new": "to"},
                "template": "contract_compare",
                "title": "title",
            },
        ),
    },
]
# Registry parts: modules of the plugin that fetch registry lists and write their pages
# (see plugins/hongshan_api/parts.py).
HONGSHAN_REGISTRY_PARTS: list[str] = [
    "finance",
    "credit",
    "services",
    "exchange",
    "trademarks",
    "complaints",
    "network",
    "columns",  # 企业之声 · 创业指导: the CMS's stories and the consultations API's Q&A
    "jobs",
    "ecommerce",
]
HOME_NEWS_COUNT = 6
PAGINATED_TEMPLATES = {
    "news_list": 20,
    "enterprise_list": 50,
    # 融资服务 (registry part "finance")
    "finance_product_list": 20,
    "finance_need_list": 20,
    "finance_pledge_list": 50,
    "finance_mortgage_list": 50,
    "finance_trademark_pledge_list": 50,
    # 诚信体系 (registry part "credit")
    "credit_list": 50,
    # 人力资源 · 法律服务 · 在线咨询 (registry part "services")
    "consultation_list": 20,
    # 闲置商标网上交流 (registry part "exchange")
    "idle_list": 30,
    # 人力资源 · 用工需求 (registry part "jobs")
    "job_list": 20,
    # 风采展示 · 电子商务 (registry part "ecommerce")
    "ecommerce_list": 20,
    **{section["list_template"]: section.get("per_page", 20) for section in HONGSHAN_SECTIONS},
}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# The ten sub-platforms of 小微企业发展服务平台 (`code` = PlatformPage.code). The home page links
# each to its live PlatformPage (/platforms/<slug>/); this list is the fallback for a platform
# without a page yet: its url, or 建设中 when empty.
SUBPLATFORMS = [
    {"code": "policy", "name": "政策资讯", "url": "/news/", "note": "政策文件、解读与工作动态"},
    {"code": "market-access", "name": "市场准入", "url": "", "note": "登记注册指南与在线咨询"},
    {"code": "credit", "name": "诚信体系", "url": "/credit/", "note": "企业信用信息公示"},
    {"code": "brand", "name": "品牌战略", "url": "/trademarks/", "note": "商标库与地理标志"},
    {
        "code": "finance",
        "name": "融资服务",
        "url": "/finance/",
        "note": "动产抵押、股权出质与贷款产品",
    },
    {
        "code": "human-resources",
        "name": "人力资源",
        "url": "/agencies/",
        "note": "人力资源服务机构",
    },
    {"code": "legal", "name": "法律服务", "url": "", "note": "法律法规与合同示范文本"},
    {"code": "learning", "name": "学习教育", "url": "", "note": "讲座视频与学习资料"},
    {
        "code": "showcase",
        "name": "风采展示",
        "url": "/enterprises/",
        "note": "小微企业名录与企业风采",
    },
    {"code": "rights", "name": "维权服务", "url": "/consultations/", "note": "投诉举报与消费维权"},
]
# What each platform page leads to, by PlatformPage.code. `links`: [HONGSHAN_URLS key, label],
# shown only once the site builds that page. `sections`: sections whose latest items the page
# lists although they do not live below it in Wagtail (news and notices live in 政策资讯's
# own section). Items living below a platform page are listed without configuration.
HONGSHAN_PLATFORMS = {
    "policy": {
        "sections": ["news", "notice"],
        "links": [["news_index", "政策资讯"], ["notice_index", "通知公告"]],
    },
    "market-access": {"links": [["guide_index", "办事指南"]]},
    "credit": {"links": []},
    "brand": {
        "links": [
            ["trademark_index", "商标库检索"],
            ["trademark_similar", "商标近似查询"],
            ["trademark_brands", "驰名著名商标与地理标志"],
            ["trademark_statistics", "商标统计"],
            ["idle_listing_index", "闲置商标网上交流"],
        ]
    },
    "finance": {
        "links": [
            ["guide_index", "股权出质、动产抵押办事指南"],
            ["finance_trademark_pledges", "商标专用权质押登记"],
            ["financing_need_new", "发布融资需求"],
        ]
    },
    "human-resources": {"links": []},
    "legal": {"links": [["law_index", "法律法规"], ["contract_index", "合同示范文本"]]},
    "learning": {"links": [["lecture_index", "网上大讲堂"], ["event_index", "讲座活动"]]},
    "showcase": {"links": [["enterprise_index", "小微企业名录"], ["story_index", "企业风采"]]},
    "rights": {
        "links": [
            ["complaint_form", "我要投诉举报"],
            ["complaint_track", "投诉举报进度查询"],
            ["report_index", "投诉举报数据分析报告"],
        ]
    },
}
PLATFORM_LATEST_COUNT = 5
