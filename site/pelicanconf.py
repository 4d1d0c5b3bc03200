"""Pelican settings of the public static site; build.py overrides the API and output paths."""

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
# Site paths; item paths must equal SITE_URL_PATTERNS in cms/settings/base.py (a test checks).
HONGSHAN_URLS = {
    "news_index": "news/",
    "news": "news/{id}/",
    "notice_index": "notices/",
    "notice": "notices/{id}/",
    "guide_index": "guides/",
    "guide": "guides/{id}/",
    "law_index": "laws/",
    "law": "laws/{id}/",
    "contract_index": "contracts/",
    "contract": "contracts/{id}/",
    "lecture_index": "lectures/",
    "lecture": "lectures/{id}/",
    "story_index": "stories/",
    "story": "stories/{id}/",
    "event_index": "events/",
    "event": "events/{id}/",
    "platform": "platforms/{slug}/",
    "enterprise_index": "enterprises/",
    "enterprise": "enterprises/{credit_code}/",
    "district": "enterprises/district/{code}/",
    "search": "search/",
}
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
]
HOME_NEWS_COUNT = 6
PAGINATED_TEMPLATES = {
    "news_list": 20,
    "enterprise_list": 50,
    **{section["list_template"]: section.get("per_page", 20) for section in HONGSHAN_SECTIONS},
}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# The ten sub-platforms of 小微企业发展服务平台; an empty url shows the section as 建设中.
SUBPLATFORMS = [
    {"name": "政策资讯", "url": "/news/", "note": "政策文件、解读与工作动态"},
    {"name": "市场准入", "url": "", "note": "登记注册指南与在线咨询"},
    {"name": "诚信体系", "url": "", "note": "企业信用信息公示"},
    {"name": "品牌战略", "url": "", "note": "商标库与地理标志"},
    {"name": "融资服务", "url": "", "note": "动产抵押、股权出质与贷款产品"},
    {"name": "人力资源", "url": "", "note": "人力资源服务机构"},
    {"name": "法律服务", "url": "", "note": "法律法规与合同示范文本"},
    {"name": "学习教育", "url": "", "note": "讲座视频与学习资料"},
    {"name": "风采展示", "url": "/enterprises/", "note": "小微企业名录与企业风采"},
    {"name": "维权服务", "url": "", "note": "投诉举报与消费维权"},
]
